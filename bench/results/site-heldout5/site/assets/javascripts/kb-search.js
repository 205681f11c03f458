/*
 * Knowledge-base search: the worker behind Material for MkDocs' search box.
 *
 * It speaks Material's worker protocol (SETUP → READY, QUERY → RESULT) over the index
 * written by practice_kb/search/index.py. A query is folded from Traditional to
 * Simplified, cut with the index's own vocabulary (the same way
 * practice_kb/search/segment.py cuts it), and each word is looked for inside the text,
 * so 统战 finds 统战工作. Every paragraph is its own result target. A query that finds
 * nothing is offered near words and topics instead (Engine.offer).
 *
 * The index is partitioned (issue 18): a query reads the vocabulary shards of its
 * characters, the term shards of its words (each word's documents with their counts,
 * lengths and kinds: BM25 without reading any text), the table of which page each
 * document is on, and then the text of the results it shows, which also settles what
 * only the text can tell (the words next to each other as typed). Nothing else. The
 * first screen of results is answered as soon as its text is read, the rest after.
 *
 * The file runs two ways: as a worker (over http, fetching the shards itself) and, loaded
 * as a page script, as the source of a worker built from a blob (over file://, where a
 * worker can fetch nothing: it asks the page, and kb-boot.js loads each shard as a
 * script and hands it over).
 */
(function (main) {
  if (typeof window !== "undefined" && typeof document !== "undefined")
    window.__kbSearch = main
  else
    main(self)
})(function (scope) {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, NEED = "need", FILE = "file", FAILED = "failed"
  var MAX_WORD = 8, WORD_COST = 12, CHAR_COST = 14, LATIN_KEY = 8
  var TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+/g
  var K1 = 1.2, B = 0.75
  var MAX_GROUPS = 50, MAX_CHILDREN = 8
  var PART_FACTOR = 0.7, PHRASE_BONUS = 1.5, ADJACENT_BONUS = 0.5
  var SNIPPET_BEFORE = 40, SNIPPET_LENGTH = 160
  var OFFERED_WORDS = 5, OFFERED_TOPICS = 3, LISTED_TOPICS = 8, OFFER_DESCRIPTION = 60
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/g, INITIALS = /^[a-z]{2,}$/
  /* Reading text to settle a ranking: the first PROVEN results are answered as soon as
     they are settled, the others after; at most TEXT_CHUNKS chunks a query beyond those of
     the results' best documents, in at most ROUNDS rounds; a score from counts the
     postings only estimate (a common word's outside its head) may be ESTIMATED times
     higher once read; a stretch found by its pairs is checked in the text when its
     documents are in at most VERIFIED_CHUNKS chunks. */
  var TEXT_CHUNKS = 120, PROVEN = 10, ROUNDS = 4, VERIFIED_CHUNKS = 24, ESTIMATED = 1.5

  /* Full-width letters and digits to half-width, A–Z to lower case (length kept). Only
     these: a search word is Han or [0-9a-z], and a text without them is left as it is. */
  var WIDE_OR_UPPER = /[A-Z\uff01-\uff5e]/g
  function normalize(text) {
    return text.replace(WIDE_OR_UPPER, function (c) {
      var code = c.charCodeAt(0)
      if (code >= 0xff01) code -= 0xfee0
      return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code)
    })
  }

  function escapeHTML(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;")
  }

  /* ------------------------------------------------ numbers, sets and shards (codec.py) */

  var END = "0123456789abcdefghijklmnopqrstuv", MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
  var VALUE = new Int8Array(128).fill(-1), ENDS = new Uint8Array(128)
  for (var d = 0; d < 32; d++) {
    VALUE[END.charCodeAt(d)] = d
    ENDS[END.charCodeAt(d)] = 1
    VALUE[MORE.charCodeAt(d)] = d
  }
  var BITS = new Int8Array(128)
  for (var e = 0; e < 64; e++) BITS[(END + MORE).charCodeAt(e)] = e

  /* Numbers written one after another: each digit but the last from MORE */
  function Numbers(text) {
    this.text = text
    this.at = 0
  }

  Numbers.prototype.more = function () { return this.at < this.text.length }

  Numbers.prototype.next = function () {
    var value = 0
    for (;;) {
      var code = this.text.charCodeAt(this.at++)
      value = value * 32 + VALUE[code]
      if (ENDS[code]) return value
    }
  }

  function readNumbers(text) {
    var numbers = new Numbers(text), out = []
    while (numbers.more()) out.push(numbers.next())
    return out
  }

  /* A bitset, six documents a character → the documents in it, in order */
  function readBitset(text) {
    var out = []
    for (var i = 0; i < text.length; i++) {
      var bits = BITS[text.charCodeAt(i)]
      for (var b = 0; bits; b++, bits >>= 1)
        if (bits & 1) out.push(6 * i + b)
    }
    return out
  }

  var CRC = new Int32Array(256)
  for (var n = 0; n < 256; n++) {
    var c = n
    for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    CRC[n] = c
  }

  /* CRC-32 of a string's UTF-16 code units (zlib.crc32 of its UTF-16LE bytes) */
  function crc32(text) {
    var crc = -1
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i)
      crc = CRC[(crc ^ code) & 255] ^ (crc >>> 8)
      crc = CRC[(crc ^ (code >>> 8)) & 255] ^ (crc >>> 8)
    }
    return (crc ^ -1) >>> 0
  }

  function shardOf(key, count) { return crc32(key) % count }

  function numbered(family, number) { return family + "/" + Math.floor(number / 1000) + "/" + number }

  /* The payload of a shard file: __kb("name", "payload"); */
  function unwrap(script) {
    var start = script.indexOf(",") + 1, end = script.lastIndexOf(")")
    return JSON.parse(script.slice(start, end))
  }

  /* A word's documents: each with its count and its shape (length × 4 + kind), in order;
     or, for a word many documents hold, all of them (`members`) and the shapes and counts
     of those it weighs most in */
  function Posting(payload) {
    var members = null, head = payload
    if (payload.charCodeAt(0) === 42) {                     /* * */
      var end = payload.indexOf("*", 1)
      members = readBitset(payload.slice(1, end))
      head = payload.slice(end + 1)
    }
    var numbers = new Numbers(head), docs = [], counts = [], shapes = [], doc = -1
    while (numbers.more()) {
      var gap = numbers.next()
      doc += (gap >> 1) + 1
      docs.push(doc)
      shapes.push(numbers.next())
      counts.push(gap & 1 ? numbers.next() + 2 : 1)
    }
    this.docs = docs
    this.counts = counts
    this.shapes = shapes
    this.members = members
  }

  /* Files by name, each read once (`load` gives a promise of its payload) */
  function Files(load) {
    this.load = load
    this.held = new Map()
  }

  Files.prototype.get = function (name, parse) {
    var held = this.held.get(name)
    if (!held) {
      held = this.load(name).then(parse || function (payload) { return payload })
      this.held.set(name, held)
    }
    return held
  }

  /* A term shard: key → postings (or "=k", a file of its own) */
  function parseTerms(payload) {
    var keys = new Map(), start = 0
    while (start < payload.length) {
      var end = payload.indexOf("\n", start)
      if (end === -1) end = payload.length
      var tab = payload.indexOf("\t", start)
      keys.set(payload.slice(start, tab), payload.slice(tab + 1, end))
      start = end + 1
    }
    return keys
  }

  /* "统战工作7统战5…" → visit(word, level) */
  function eachWord(packed, visit) {
    var start = 0
    for (var i = 0; i < packed.length; i++) {
      var code = packed.charCodeAt(i)
      if (code >= 48 && code <= 57) {
        visit(packed.slice(start, i), code - 48)
        start = i + 1
      }
    }
  }

  /* --------------------------------------------------------------------- the engine */

  /* index: Material's {config, docs}; load(name) → promise of a shard's payload */
  function Engine(index, load) {
    var kb = index.config.kb
    this.kb = kb
    this.files = new Files(load)
    this.words = new Map()
    this.topics = kb.topics || 0
    this.fold = new Map()
    for (var i = 0; i + 1 < kb.fold.length; i += 2)
      this.fold.set(kb.fold[i], kb.fold[i + 1])
    this.repairs = new Map(kb.repairs)
    var lefts = kb.repairs.map(function (r) { return r[0] })
      .sort(function (a, b) { return b.length - a.length })
      .map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") })
    this.repairPattern = lefts.length ? new RegExp(lefts.join("|"), "g") : null
    this.aliases = kb.aliases
    this.stop = new Set(kb.stop)
    /* word → the other words of its group (search.yml synonyms), folded as queries are */
    var variants = this.variants = new Map(), keys = this.synonymWords = new Set()
    ;(kb.synonyms || []).forEach(function (group) {
      var words = group.map(normalize)
      words.forEach(function (w) {
        keys.add(w)
        variants.set(w, (variants.get(w) || []).concat(words.filter(function (o) { return o !== w })))
      })
    })
    this.synonymWeight = kb.synonym_weight || 0.8
    this.boost = kb.boost
    this.size = kb.docs
    this.average = kb.average || 1
    this.chunk = kb.chunk || 1
    this.shards = kb.shards
    this.named = kb.named || {}
    this.occurring = new Map()          /* key → promise of its occurrences */
    this.shapes = new Map()             /* document → length × 4 + kind, as postings told */
    this.texts = new Map()              /* document → what its text chunk says of it */
    this.pageOf = null                  /* document → page */
    this.pageInfo = new Map()           /* page → [url, title] */
  }

  /* Traditional characters to Simplified, then the phrase repairs (资讯 → 信息) */
  Engine.prototype.foldQuery = function (query) {
    var fold = this.fold, repairs = this.repairs
    var folded = Array.from(query).map(function (c) { return fold.get(c) || c }).join("")
    if (folded === query || !this.repairPattern)
      return folded
    return folded.replace(this.repairPattern, function (word) { return repairs.get(word) })
  }

  /* The vocabulary's words beginning with any character of the text, read */
  Engine.prototype.vocabulary = function (text) {
    var self = this, names = new Set()
    ;(normalize(text).match(TOKEN) || []).forEach(function (token) {
      if (token.charCodeAt(0) >= 128)
        for (var i = 0; i < token.length; i++) names.add("words/" + shardOf(token[i], self.shards.words))
    })
    return Promise.all(Array.from(names).map(function (name) {
      return self.files.get(name, function (packed) {
        eachWord(packed, function (word, level) { self.words.set(word, level) })
        return true
      })
    }))
  }

  /* Best path through the word graph; characters of no word stay together */
  Engine.prototype.cutHan = function (run, exclude) {
    var n = run.length, best = new Array(n + 1).fill(0), step = new Array(n + 1).fill(1)
    for (var i = n - 1; i >= 0; i--) {
      best[i] = best[i + 1] - CHAR_COST
      step[i] = 1
      for (var length = 2; length <= Math.min(MAX_WORD, n - i); length++) {
        var candidate = run.slice(i, i + length)
        var level = this.words.get(candidate)
        if (level && candidate !== exclude) {
          var score = best[i + length] - WORD_COST + level
          if (score > best[i]) {
            best[i] = score
            step[i] = length
          }
        }
      }
    }
    var words = [], unknown = ""
    for (var j = 0; j < n; j += step[j]) {
      if (step[j] === 1) {
        unknown += run[j]
      } else {
        if (unknown) words.push(unknown)
        unknown = ""
        words.push(run.slice(j, j + step[j]))
      }
    }
    if (unknown) words.push(unknown)
    return words
  }

  Engine.prototype.cutNow = function (text) {
    var words = [], self = this
    var tokens = normalize(text).match(TOKEN) || []
    tokens.forEach(function (token) {
      if (token.charCodeAt(0) < 128) words.push(token)
      else words.push.apply(words, self.cutHan(token, ""))
    })
    return words
  }

  /* The words of a text, once the vocabulary it needs is read */
  Engine.prototype.cut = function (text) {
    var self = this
    return this.vocabulary(text).then(function () { return self.cutNow(text) })
  }

  Engine.prototype.partsNow = function (word) {
    return word.length > 2 ? this.cutHan(word, word) : [word]
  }

  Engine.prototype.parts = function (word) {
    var self = this
    return this.vocabulary(word).then(function () { return self.partsNow(word) })
  }

  /* The query's words, without those that say nothing about the subject */
  Engine.prototype.terms = function (folded) {
    var stop = this.stop
    var words = this.cutNow(folded)
    var kept = words.filter(function (w) { return !stop.has(w) })
    if (!kept.length) kept = words
    return kept.filter(function (w, i) { return kept.indexOf(w) === i })
  }

  /* ------------------------------------------------------------- where words occur */

  /* A word kept in the term shards: a character, a pair, a vocabulary word, a synonym, or
     letters and digits up to LATIN_KEY long */
  Engine.prototype.isKey = function (word) {
    return word.length <= 2 || this.words.has(word) || this.synonymWords.has(word) ||
      (word.length <= LATIN_KEY && word.charCodeAt(0) < 128)
  }

  Engine.prototype.posting = function (key) {
    var self = this, shard = shardOf(key, this.shards.terms)
    return this.files.get(numbered("terms", shard), parseTerms).then(function (keys) {
      var entry = keys.get(key)
      if (entry === undefined) return null
      if (entry.charCodeAt(0) !== 61)                       /* = */
        return new Posting(entry)
      return self.files.get(numbered("terms", shard) + "-" + entry.slice(1)).then(function (own) {
        return new Posting(own)
      })
    })
  }

  /* Occurrences of a word in every document: {docs: Map doc → count, estimated: the
     documents whose count is not known until their text is read (null: none)} */
  Engine.prototype.occurrences = function (word) {
    var held = this.occurring.get(word)
    if (!held) {
      held = this.isKey(word) ? this.posting(word).then(this.fromPosting.bind(this)) : this.byPairs(word)
      this.occurring.set(word, held)
    }
    return held
  }

  Engine.prototype.fromPosting = function (posting) {
    var docs = new Map(), estimated = null, shapes = this.shapes
    if (!posting) return { docs: docs, estimated: null }
    posting.docs.forEach(function (doc, k) { shapes.set(doc, posting.shapes[k]) })
    if (!posting.members) {
      posting.docs.forEach(function (doc, k) { docs.set(doc, posting.counts[k]) })
    } else {
      var known = new Map()
      posting.docs.forEach(function (doc, k) { known.set(doc, posting.counts[k]) })
      estimated = new Set()
      posting.members.forEach(function (doc) {
        var count = known.get(doc)
        if (count === undefined) {
          count = 1
          estimated.add(doc)
        }
        docs.set(doc, count)
      })
    }
    return { docs: docs, estimated: estimated }
  }

  /* A longer stretch no shard keeps (a name the vocabulary does not know): the documents
     holding every pair of its characters, counted as its rarest pair is; when they are few,
     their text says which hold the stretch and how often */
  Engine.prototype.byPairs = function (word) {
    var self = this, pairs = []
    for (var i = 0; i + 1 < word.length; i++)
      if (pairs.indexOf(word.slice(i, i + 2)) === -1) pairs.push(word.slice(i, i + 2))
    return Promise.all(pairs.map(function (pair) { return self.occurrences(pair) })).then(function (found) {
      found.sort(function (a, b) { return a.docs.size - b.docs.size })
      var docs = new Map()
      found[0].docs.forEach(function (count, doc) {
        var least = count
        for (var p = 1; p < found.length && least; p++) least = Math.min(least, found[p].docs.get(doc) || 0)
        if (least) docs.set(doc, least)
      })
      var chunks = new Set()
      docs.forEach(function (count, doc) { chunks.add(Math.floor(doc / self.chunk)) })
      if (chunks.size > VERIFIED_CHUNKS)
        return { docs: docs, estimated: new Set(docs.keys()) }
      return self.readChunks(chunks).then(function () {
        var exact = new Map()
        docs.forEach(function (count, doc) {
          var counted = countIn(self.texts.get(doc).norm, word)
          if (counted) exact.set(doc, counted)
        })
        return { docs: exact, estimated: null }
      })
    })
  }

  /* Occurrences of a word or of the words of its synonym group (counted at their weight);
     the words found are added to `seen`, for marking */
  Engine.prototype.occurrencesOrSynonyms = function (word, seen) {
    var weight = this.synonymWeight, others = this.variants.get(word) || []
    var self = this
    return Promise.all([word].concat(others).map(function (w) { return self.occurrences(w) })).then(function (all) {
      var found = new Map(all[0].docs), estimated = all[0].estimated ? new Set(all[0].estimated) : null
      if (found.size) seen.push(word)
      others.forEach(function (other, o) {
        var more = all[o + 1]
        if (more.docs.size) seen.push(other)
        more.docs.forEach(function (count, doc) { found.set(doc, (found.get(doc) || 0) + count * weight) })
        if (more.estimated) {
          estimated = estimated || new Set()
          more.estimated.forEach(function (doc) { estimated.add(doc) })
        }
      })
      return { docs: found, estimated: estimated }
    })
  }

  /* Where a word (or a synonym) is found: whole, or else all of its parts in one document */
  Engine.prototype.matches = function (word) {
    var self = this, seen = []
    return this.occurrencesOrSynonyms(word, seen).then(function (whole) {
      if (whole.docs.size || word.length <= 2)
        return { docs: whole.docs, estimated: whole.estimated, factor: 1, words: seen.length ? seen : [word],
                 word: word, parts: null }
      var parts = self.partsNow(word)
      if (parts.length < 2)
        return { docs: whole.docs, estimated: null, factor: 1, words: [word], word: word, parts: null }
      var seenByPart = parts.map(function () { return [] })
      return Promise.all(parts.map(function (part, p) { return self.occurrencesOrSynonyms(part, seenByPart[p]) }))
        .then(function (found) {
          var docs = null, estimated = null
          found.forEach(function (occurring) {
            var next = new Map()
            occurring.docs.forEach(function (count, doc) {
              if (docs === null || docs.has(doc))
                next.set(doc, Math.min(count, docs === null ? count : docs.get(doc)))
            })
            docs = next
            if (occurring.estimated) estimated = estimated || new Set()
          })
          if (estimated)
            found.forEach(function (occurring) {
              if (occurring.estimated)
                occurring.estimated.forEach(function (doc) { if (docs.has(doc)) estimated.add(doc) })
            })
          var partWords = [].concat.apply([], seenByPart)
          return { docs: docs, estimated: estimated, factor: PART_FACTOR, words: partWords.length ? partWords : parts,
                   word: word, parts: parts }
        })
    })
  }

  /* How often a match's word (with its synonyms, or its parts) occurs in one text: the
     count the postings would give, for a document whose text is read */
  Engine.prototype.countMatch = function (match, norm) {
    var self = this
    function withSynonyms(word) {
      var count = countIn(norm, word), weight = self.synonymWeight
      ;(self.variants.get(word) || []).forEach(function (other) {
        var more = countIn(norm, other)
        if (more) count = count + more * weight
      })
      return count
    }
    if (!match.parts) return match.docs.size ? withSynonyms(match.word) : 0
    var least = null
    for (var p = 0; p < match.parts.length; p++) {
      var count = withSynonyms(match.parts[p])
      if (!count) return 0
      least = least === null ? count : Math.min(count, least)
    }
    return least
  }

  /* Occurrences of a word in a text, leftmost first, not overlapping */
  function countIn(text, word) {
    var count = 0
    for (var at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count++
    return count
  }

  /* ------------------------------------------------------------- pages and text */

  /* Which page each document is on (the pages table, read with every query) */
  Engine.prototype.pageTable = function () {
    var self = this
    return this.files.get("pages", function (payload) {
      var counts = readNumbers(payload), pageOf = new Int32Array(self.size), doc = 0
      counts.forEach(function (count, page) {
        for (var k = 0; k < count; k++) pageOf[doc++] = page
      })
      self.pageOf = pageOf
      self.tops = new Map()
      ;(self.kb.topic_pages || []).forEach(function (topic, page) { if (topic[3] >= 0) self.tops.set(page, topic[3]) })
      return pageOf
    })
  }

  /* The text chunks holding these documents, read */
  Engine.prototype.readChunks = function (chunks) {
    var self = this
    return Promise.all(Array.from(chunks).map(function (number) {
      return self.files.get(numbered("text", number), function (payload) {
        self.addChunk(number, payload)
        return true
      })
    }))
  }

  /* A text chunk: "P\tpage\turl\ttitle\theading" and "D\tanchor\tkind\tnumber\ttext" lines,
     each paragraph labelled by the heading before it */
  Engine.prototype.addChunk = function (number, payload) {
    var doc = number * this.chunk, page = -1, heading = "", start = 0
    while (start < payload.length) {
      var end = payload.indexOf("\n", start)
      if (end === -1) end = payload.length
      var f = payload.slice(start, end).split("\t")
      start = end + 1
      if (f[0] === "P") {
        page = +f[1]
        this.pageInfo.set(page, [f[2], f[3]])
        heading = f[4]
      } else {
        var text = f.slice(4).join("\t"), kind = +f[2]
        if (kind === 2) heading = text
        if (kind <= 1) heading = ""
        this.texts.set(doc++, {
          page: page, anchor: f[1], kind: kind, number: +f[3], text: text, norm: normalize(text),
          label: kind === 3 ? (heading ? heading + " · " : "") + "第" + f[3] + "段" : text
        })
      }
    }
  }

  /* ------------------------------------------------------------------- ranking */

  /* A document's score for a query, with what is known of it: from its text when read
     (exact, and the words next to each other as typed), else from the postings */
  Engine.prototype.score = function (i, query) {
    var doc = this.texts.get(i), shape = doc ? undefined : this.shapes.get(i)
    var length = doc ? doc.text.length : shape !== undefined ? shape >> 2 : this.average
    var kind = doc ? doc.kind : shape !== undefined ? shape & 3 : 3
    var score = 0, covered = 0, terms = query.terms
    for (var t = 0; t < query.matched.length; t++) {
      var match = query.matched[t]
      var tf = doc ? (match.docs.has(i) ? this.countMatch(match, doc.norm) : 0) : match.docs.get(i) || 0
      if (!tf) continue
      var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / this.average))
      score += query.idf[t] * match.factor * norm * this.boost[kind]
      covered++
    }
    query.covered[i] = covered
    var coverage = covered / terms.length
    score = score * (coverage * coverage)
    if (doc && terms.length > 1 && covered) {
      var text = doc.norm, adjacent = 0
      for (var a = 0; a + 1 < terms.length; a++)
        if (text.indexOf(terms[a] + terms[a + 1]) !== -1) adjacent++
      score *= 1 + ADJACENT_BONUS * adjacent / (terms.length - 1)
      if (text.indexOf(query.phrase) !== -1) score *= PHRASE_BONUS
    }
    return score
  }

  /* Whether a document's score is final: its text read, or, when the query has one word,
     its count known from the postings */
  Engine.prototype.settled = function (i, query) {
    if (this.texts.has(i)) return true
    if (query.terms.length > 1 || !this.shapes.has(i)) return false
    return !query.matched.some(function (match) { return match.estimated && match.estimated.has(i) })
  }

  /* The pages the query's documents are on, best first: per page its documents by score
     (the first is the result, the others are folded under it). Only the pages that could
     be among the first MAX_GROUPS are ranked so (their documents sorted, as the page's
     score is summed in that order); the others follow by a quicker sum. */
  Engine.prototype.rank = function (query) {
    var scores = query.scores, covered = query.covered, pageOf = this.pageOf
    /* A colloquial name of a topic leads to that topic first */
    var top = 0, boosted = new Map(), aliased = query.aliased
    query.found.forEach(function (i) { if (covered[i]) top = Math.max(top, scores[i]) })
    aliased.forEach(function (aliases, i) {
      var score = covered[i] ? scores[i] : 0
      aliases.forEach(function () { score = (top || 1) * 2 + score })
      boosted.set(i, score)
    })
    var final = function (i) { return boosted.has(i) ? boosted.get(i) : scores[i] }
    var shown = function (i) { return covered[i] || aliased.has(i) }
    if (!query.pages) {
      var byPage = new Map()
      query.pages = []
      query.touched.forEach(function (i, at) {
        var group = byPage.get(pageOf[i])
        if (!group) {
          byPage.set(pageOf[i], group = { page: pageOf[i], all: [], at: [] })
          query.pages.push(group)
        }
        group.all.push(i)
        group.at.push(at)
      })
    }
    var quick = []
    query.pages.forEach(function (group) {
      var best = 0, sum = 0, first = -1
      for (var m = 0; m < group.all.length; m++) {
        var i = group.all[m]
        if (!shown(i)) continue
        var score = final(i)
        if (first < 0) first = group.at[m]
        if (score > best) best = score
        sum += score
      }
      if (first >= 0) quick.push({ group: group, first: first, score: best + 0.05 * Math.min(sum - best, best) })
    })
    var sorted = quick.map(function (entry) { return entry.score }).sort(function (a, b) { return b - a })
    var slack = (query.terms.length > 1 ? (1 + ADJACENT_BONUS) * PHRASE_BONUS : 1) * ESTIMATED * 1.2
    var least = sorted.length > MAX_GROUPS ? sorted[MAX_GROUPS - 1] / slack : -1
    var ranked = quick.map(function (entry) {
      var members = entry.group.all.filter(shown), score = entry.score
      if (score >= least) {
        members.sort(function (a, b) { return final(b) - final(a) })
        var rest = 0
        for (var m = 1; m < members.length; m++) rest += final(members[m])
        score = final(members[0]) + 0.05 * Math.min(rest, final(members[0]))
      }
      return { members: members, score: score, page: entry.group.page, final: final, first: entry.first }
    })
    return ranked.sort(function (a, b) { return b.score - a.score || a.first - b.first })
  }

  /* The results for a query. `early`, when given, is handed the first PROVEN of them (with
     the number of all) as soon as their text is read, before the text of the others. */
  Engine.prototype.search = function (query, early) {
    var self = this
    var folded = normalize(this.foldQuery(query.trim()))
    var pages = this.pageTable()
    return this.vocabulary(folded).then(function () {
      var terms = self.terms(folded)
      if (!terms.length) return []
      return Promise.all(terms.map(function (term) { return self.matches(term) })).then(function (matched) {
        return pages.then(function () { return self.answerFor(folded, terms, matched, early) })
      })
    })
  }

  Engine.prototype.answerFor = function (folded, terms, matched, early) {
    var self = this, n = this.size
    var query = {
      terms: terms, matched: matched, phrase: folded.replace(/\s+/g, ""),
      idf: matched.map(function (match) {
        return Math.log(1 + (n - match.docs.size + 0.5) / (match.docs.size + 0.5))
      }),
      scores: new Float64Array(n), covered: new Uint16Array(n), touched: [], found: [], aliased: new Map()
    }
    /* The documents in the order the words found them, then those an alias leads to */
    var seen = new Uint8Array(n)
    matched.forEach(function (match) {
      match.docs.forEach(function (count, i) {
        if (!seen[i]) {
          seen[i] = 1
          query.touched.push(i)
        }
      })
    })
    query.found = query.touched.slice()
    var phrase = query.phrase
    this.aliases.forEach(function (entry) {
      var alias = entry[0], i = self.tops.get(entry[1])
      if (i !== undefined && (folded.indexOf(alias) !== -1 || (phrase.length >= 2 && alias.indexOf(phrase) !== -1))) {
        if (!seen[i] && !query.aliased.has(i)) query.touched.push(i)
        if (!query.aliased.has(i)) query.aliased.set(i, [])
        query.aliased.get(i).push(alias)
      }
    })
    query.touched.forEach(function (i) { query.scores[i] = self.score(i, query) })
    query.read = new Set()
    return this.settle(query, PROVEN, 0).then(function (ranked) {
      if (ranked.length <= PROVEN) return ranked
      if (early) {
        var first = self.results(ranked.slice(0, PROVEN), query)
        first[0][0].text = '<span hidden data-kb-count="' + Math.min(MAX_GROUPS, ranked.length) + '"></span>' +
                           first[0][0].text
        early(first)
      }
      return self.settle(query, MAX_GROUPS, ROUNDS)
    }).then(function (ranked) { return self.results(ranked.slice(0, MAX_GROUPS), query) })
  }

  /* Read the text the first `shown` results need, most needed first: the best document of
     each page shown; the documents folded under the first PROVEN pages, and those of theirs
     that could still become their best once read (the words next to each other as typed
     can raise a score by the bonus; a count the postings only estimate, by ESTIMATED
     more); the documents of the pages below that could still overtake one of the first
     PROVEN (in ROUNDS at most); and the documents folded under the other pages shown.
     Beyond the best documents, a query reads TEXT_CHUNKS at most: on a large site a page
     far down the list may then fold fewer documents under it. */
  Engine.prototype.settle = function (query, shown, round) {
    var self = this, ranked = this.rank(query), size = this.chunk, read = query.read
    var wanted = [], seen = new Set()
    var want = function (i) {
      var c = Math.floor(i / size)
      if (!read.has(c) && !seen.has(c)) {
        seen.add(c)
        wanted.push(c)
      }
    }
    var above = function (group, bound) {
      group.members.forEach(function (i) { if (self.highest(i, group, query) > bound) want(i) })
    }
    ranked.slice(0, shown).forEach(function (group) { want(group.members[0]) })
    var needed = wanted.length
    ranked.slice(0, PROVEN).forEach(function (group) {
      group.members.slice(1, 1 + MAX_CHILDREN).forEach(want)
      above(group, group.final(group.members[0]))
    })
    if (round < ROUNDS && ranked.length > PROVEN) {
      var bound = ranked[PROVEN - 1].score / 1.05
      var most = (query.terms.length > 1 ? (1 + ADJACENT_BONUS) * PHRASE_BONUS : 1) * ESTIMATED
      for (var g = PROVEN; g < ranked.length && ranked[g].score * most > bound; g++) above(ranked[g], bound)
    }
    ranked.slice(PROVEN, shown).forEach(function (group) { group.members.slice(1, 1 + MAX_CHILDREN).forEach(want) })
    var reading = wanted.filter(function (c, k) { return k < needed || read.size + k < TEXT_CHUNKS })
    if (!reading.length) return Promise.resolve(ranked)
    reading.forEach(function (c) { read.add(c) })
    return this.readChunks(reading).then(function () {
      reading.forEach(function (c) {
        for (var i = c * size; i < Math.min(self.size, (c + 1) * size); i++)
          if (query.scores[i] || query.covered[i] || query.aliased.has(i)) query.scores[i] = self.score(i, query)
      })
      return self.settle(query, shown, round + 1)
    })
  }

  /* The highest score a document could have once its text is read */
  Engine.prototype.highest = function (i, group, query) {
    if (this.settled(i, query)) return group.final(i)
    var estimated = query.matched.some(function (match) { return match.estimated && match.estimated.has(i) })
    return group.final(i) * (query.terms.length > 1 ? (1 + ADJACENT_BONUS) * PHRASE_BONUS : 1) *
      (estimated || !this.shapes.has(i) ? ESTIMATED : 1)
  }

  Engine.prototype.results = function (ranked, query) {
    var self = this, matched = query.matched, terms = query.terms
    var holding = function (i) {
      var found = [], marks = [], doc = self.texts.get(i)
      matched.forEach(function (match, t) {
        if (match.docs.has(i) && self.countMatch(match, doc.norm)) {
          found.push(terms[t])
          marks.push.apply(marks, match.words)
        }
      })
      var aliases = query.aliased.get(i) || []
      return { found: found.concat(aliases), marks: marks.concat(aliases) }
    }
    return ranked.map(function (group) {
      var best = self.texts.get(group.members[0])
      var page = self.pageInfo.get(best.page)
      var items = [self.item(group.members[0], page[0] + (best.anchor ? "?p=" + best.anchor : ""),
                             page[1], group.score, holding(group.members[0]))]
      group.members.slice(1, 1 + MAX_CHILDREN).filter(function (i) { return self.texts.has(i) }).forEach(function (i) {
        var doc = self.texts.get(i)
        items.push(self.item(i, page[0] + (doc.anchor ? "#" + doc.anchor : ""), doc.label,
                             Math.min(group.final(i), group.score * 0.99), holding(i)))
      })
      return items
    })
  }

  Engine.prototype.item = function (i, location, title, score, holds) {
    /* Only the terms a result holds: the theme would list the others struck through under
       "缺少", which readers took for a correction of their query. The snippet's marks and
       the ranking already say how well a result matches. */
    var present = {}
    holds.found.forEach(function (term) { present[term] = true })
    return {
      location: location,
      title: escapeHTML(title),
      text: this.snippet(this.texts.get(i), holds.marks),
      score: score,
      terms: present
    }
  }

  /* A window of the text around the first match, matches marked */
  Engine.prototype.snippet = function (doc, words) {
    var text = doc.text, norm = normalize(text), first = -1
    words = words.filter(function (w) { return w.length })
    words.forEach(function (w) {
      var at = norm.indexOf(w)
      if (at !== -1 && (first === -1 || at < first)) first = at
    })
    var start = Math.max(0, first - SNIPPET_BEFORE)
    var end = Math.min(text.length, start + SNIPPET_LENGTH)
    var marked = new Array(end - start).fill(false)
    words.forEach(function (w) {
      for (var at = norm.indexOf(w, start); at !== -1 && at < end; at = norm.indexOf(w, at + 1))
        for (var k = at; k < Math.min(end, at + w.length); k++) marked[k - start] = true
    })
    var html = "", open = false
    for (var k = start; k < end; k++) {
      if (marked[k - start] !== open) {
        html += open ? "</mark>" : "<mark>"
        open = !open
      }
      html += escapeHTML(text[k])
    }
    if (open) html += "</mark>"
    return (start > 0 ? "…" : "") + html + (end < text.length ? "…" : "")
  }

  /* ------------------------------------------------------------------- offers */

  /* What the panel shows for a query: its results, or, when it finds nothing, offers
     (`early`: as for search) */
  Engine.prototype.answer = function (query, early) {
    var self = this
    return this.search(query, early).then(function (found) { return found.length ? found : self.offer(query) })
  }

  /* A query that finds nothing is offered the vocabulary's words near it (sharing its
     characters, 经废 → 经费, or with the pinyin initials it was typed in, tzwy → 统战委员) and
     the topics near it, or else the topics to start from. Each offer is a result: a word
     runs its search (kb-boot.js keeps the reader in the open search), a topic opens. The
     first carries the line to show above them (data-kb-offer: kb-boot.js puts it in place
     of the theme's count, which would call the offers results found), and, when they are
     only the topics to start from, data-kb-browse (Enter then opens none of them). */
  Engine.prototype.offer = function (query) {
    var self = this
    var typed = normalize(this.foldQuery(query.trim())).replace(/\s+/g, "")
    return this.vocabulary(typed).then(function () {
      if (!self.terms(typed).length) return []
      var latin = INITIALS.test(typed), text = latin ? "" : (typed.match(HAN) || []).join("")
      return self.lexicon(latin ? typed : text, latin).then(function () {
        return self.offers(query, latin, text, typed)
      })
    })
  }

  Engine.prototype.offers = function (query, latin, text, typed) {
    var asked = { text: text, chars: new Set(text), latin: latin, initials: latin ? typed : this.initialsOf(text) }
    var words = latin || text ? this.nearWords(asked) : [], topics = latin || text ? this.nearTopics(asked) : []
    var shown = query.trim().length > 20 ? query.trim().slice(0, 20) + "…" : query.trim()
    var near = words.length || topics.length
    var line = "没有找到“" + shown + "”。" + (near ? "您是不是要找：" : "可以从这些专题看起：")
    if (!near)
      for (var page = 0; page < Math.min(this.topics, LISTED_TOPICS); page++) topics.push(page)
    var self = this, pages = this.kb.topic_pages || []
    var items = words.map(function (word) {
      return { location: "index.html?q=" + encodeURIComponent(word.word), title: escapeHTML(word.word),
               text: (latin ? "拼音首字母 " + word.initials.toUpperCase() + " · " : "") +
                     word.places + " 处提到这个词", terms: {} }
    }).concat(topics.map(function (page) {
      return { location: pages[page][0], title: escapeHTML(pages[page][1]),
               text: "专题 · " + escapeHTML(self.description(page)), terms: {} }
    }))
    if (!items.length) return []
    items.forEach(function (item, i) { item.score = items.length - i })
    items[0].text = '<span hidden data-kb-offer="' + escapeHTML(line) + '"' + (near ? "" : " data-kb-browse") +
                    "></span>" + items[0].text
    return items.map(function (item) { return [item] })
  }

  /* What offers are made from, read for this query: each character's pinyin initial (the
     common characters' grouped by initial, "a啊阿…b八…", and the vocabulary's others as
     its words read them), and the vocabulary's words sharing a character with the query
     (or beginning with the initials it was typed in), each with its level, initials and
     the number of documents holding it, in the vocabulary's order */
  Engine.prototype.lexicon = function (asked, latin) {
    var self = this
    var pairs = this.kb.near_initials || "", pair = asked.slice(0, 2), listed = false
    for (var p = 0; p + 1 < pairs.length && latin; p += 2) listed = listed || pairs.slice(p, p + 2) === pair
    var names = latin ? (listed ? ["near/" + pair] : []) : Array.from(new Set(Array.from(asked).map(function (c) {
      return "near/" + shardOf(c, self.shards.near)
    })))
    var letters = this.files.get("letters", function (table) {
      var map = new Map(), letter = ""
      for (var c = 0; c < table.length; c++) {
        if (table.charCodeAt(c) < 128) letter = table[c]
        else map.set(table[c], letter)
      }
      return map
    })
    var near = names.map(function (name) {
      return self.files.get(name, function (payload) {
        return payload ? payload.split("\n").map(function (line) {
          var f = line.split("\t")
          return { word: f[0], initials: f[1], level: +f[2], places: +f[3] }
        }) : []
      })
    })
    return Promise.all([letters].concat(near)).then(function (read) {
      var byWord = new Map()
      read.slice(1).forEach(function (entries) {
        entries.forEach(function (entry) { byWord.set(entry.word, entry) })
      })
      var entries = Array.from(byWord.values()).sort(function (a, b) { return a.word < b.word ? -1 : a.word > b.word ? 1 : 0 })
      self.known = { entries: entries, letters: read[0], initials: byWord }
      return self.known
    })
  }

  /* A text's pinyin initials: a word's own, or else character by character (_ unknown) */
  Engine.prototype.initialsOf = function (text) {
    var known = this.known
    var entry = known.initials.get(text)
    return this.named[text] || (entry && entry.initials) ||
      Array.from(text).map(function (c) { return known.letters.get(c) || "_" }).join("")
  }

  /* How near a name is to a query (0: not near). Typed as initials: the same initials, or
     initials that begin so. Typed in characters: the characters they share, more for a
     run of them and for the same initials (a wrong character of the same sound) */
  Engine.prototype.nearness = function (asked, name) {
    var initials = this.initialsOf(name), sound = 0
    if (asked.initials.indexOf("_") === -1 && initials.indexOf(asked.initials) === 0)
      sound = initials === asked.initials ? 3 : 1.5
    if (asked.latin) return sound
    var shared = 0
    for (var k = 0; k < name.length; k++) if (asked.chars.has(name[k])) shared++
    if (shared < (asked.text.length <= 3 ? 1 : 2)) return 0
    return shared + 2 * sharedRun(asked.text, name) + sound - 0.2 * Math.abs(name.length - asked.text.length)
  }

  /* The words nearest a query, the most used first among equals, each with its initials
     and the number of places that say it. Not offered: a word the text never says (a
     topic's alias) and a topic's title (the topic is offered as itself). */
  Engine.prototype.nearWords = function (asked) {
    var self = this, found = [], offered = [], titles = new Set()
    ;(this.kb.topic_pages || []).forEach(function (topic) { titles.add(topic[1]) })
    this.known.entries.forEach(function (entry) {
      var nearness = entry.word === asked.text || titles.has(entry.word) ? 0 : self.nearness(asked, entry.word)
      if (nearness > 0) found.push({ entry: entry, nearness: nearness + entry.level / 10 })
    })
    found.sort(function (a, b) { return b.nearness - a.nearness })
    for (var i = 0; i < found.length && offered.length < OFFERED_WORDS; i++) {
      var entry = found[i].entry
      if (entry.places) offered.push({ word: entry.word, initials: this.initialsOf(entry.word), places: entry.places })
    }
    return offered
  }

  /* The topics whose title or an alias is near the query, nearest first */
  Engine.prototype.nearTopics = function (asked) {
    var found = [], pages = this.kb.topic_pages || []
    for (var page = 0; page < this.topics; page++) {
      var nearness = this.nearness(asked, pages[page][1])
      this.aliases.forEach(function (entry) {
        if (entry[1] === page) nearness = Math.max(nearness, this.nearness(asked, entry[0]))
      }, this)
      if (nearness > 0) found.push({ page: page, nearness: nearness })
    }
    return found.sort(function (a, b) { return b.nearness - a.nearness })
      .slice(0, OFFERED_TOPICS).map(function (topic) { return topic.page })
  }

  /* What a page says at its top after its title (a topic's description), shortened */
  Engine.prototype.description = function (page) {
    var topic = (this.kb.topic_pages || [])[page] || ["", "", ""], title = topic[1]
    var text = topic[2]
    if (text.indexOf(title) === 0) text = text.slice(title.length).replace(/^[\s\u3000]+/, "")
    return text.length > OFFER_DESCRIPTION ? text.slice(0, OFFER_DESCRIPTION) + "…" : text
  }

  /* The length of the longest run of characters two short texts share */
  function sharedRun(a, b) {
    var best = 0
    for (var i = 0; i < a.length; i++)
      for (var j = 0; j < b.length; j++) {
        var k = 0
        while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++
        if (k > best) best = k
      }
    return best
  }

  /* ------------------------------------------------------------------- the worker */

  /* How this worker reads a shard. Over http(s) it fetches search/<name>.js itself (this
     file is assets/javascripts/kb-search.js). From file:// (a blob worker, which can fetch
     nothing) it asks the page ({kb: NEED, name}), which loads the shard as a script and
     sends its payload back ({kb: FILE, name, text}, or {kb: FAILED, name, reason}). */
  var waiting = new Map()

  function loader() {
    if (!scope.location || scope.location.protocol === "blob:")
      return function (name) {
        return new Promise(function (resolve, reject) {
          waiting.set(name, { resolve: resolve, reject: reject })
          scope.postMessage({ kb: NEED, name: name })
        })
      }
    var root = new URL("../../", scope.location.href)
    return function (name) {
      return fetch(new URL("search/" + name + ".js", root).href).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText)
        return response.text()
      }).then(unwrap)
    }
  }

  /* What answers a query when the search data could not be read: one result that says
     so, in the panel where the reader is looking, instead of a search that waits. */
  function unavailable(reason) {
    return [[{
      location: "#", score: 1, terms: {},
      title: "检索数据无法读取",
      text: "本页的检索数据没有读到（" + escapeHTML(String(reason && reason.message || reason)) + "）。请刷新页面再试；" +
            "离线版请确认 search 文件夹完整。"
    }]]
  }

  var engine = null, asked = 0

  scope.onmessage = function (event) {
    var message = event.data
    if (message.kb === FILE || message.kb === FAILED) {
      var pending = waiting.get(message.name)
      if (pending) {
        waiting.delete(message.name)
        if (message.kb === FILE) pending.resolve(message.text)
        else pending.reject(new Error(message.reason))
      }
    } else if (message.type === SETUP) {
      engine = new Engine(message.data, loader())
      scope.postMessage({ type: READY })
    } else if (message.type === QUERY) {
      /* Queries are answered as their shards arrive; only the latest one's answer is shown */
      var number = ++asked
      var post = function (items) {
        if (number === asked) scope.postMessage({ type: RESULT, data: { items: items } })
      }
      var answered = engine && message.data ? engine.answer(message.data, post) : Promise.resolve([])
      answered.catch(unavailable).then(post)
    }
  }

  return { Engine: Engine, normalize: normalize, crc32: crc32, shardOf: shardOf, readNumbers: readNumbers,
           readBitset: readBitset, Posting: Posting, unwrap: unwrap }
})
