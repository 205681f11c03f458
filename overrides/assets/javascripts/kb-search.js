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
 * The file runs two ways: as a worker (over http) and, loaded as a page script, as the
 * source of a worker built from a blob (over file://, where a page may not start a
 * worker from a file). kb-boot.js chooses.
 */
(function (main) {
  if (typeof window !== "undefined" && typeof document !== "undefined")
    window.__kbSearch = main
  else
    main(self)
})(function (scope) {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, SHARD = "shard", FAILED = "failed", LOAD = "load"
  var MAX_WORD = 8, WORD_COST = 12, CHAR_COST = 14
  var TOKEN = /[\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+/g
  var K1 = 1.2, B = 0.75
  var MAX_GROUPS = 50, MAX_CHILDREN = 8
  var PART_FACTOR = 0.7, PHRASE_BONUS = 1.5, ADJACENT_BONUS = 0.5
  var SNIPPET_BEFORE = 40, SNIPPET_LENGTH = 160
  var OFFERED_WORDS = 5, OFFERED_TOPICS = 3, LISTED_TOPICS = 8, OFFER_DESCRIPTION = 60
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]/g, INITIALS = /^[a-z]{2,}$/

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

  /* "统战工作7统战5…" → visit(word, level, where the word starts in the words run together) */
  function eachWord(packed, visit) {
    var start = 0, offset = 0
    for (var i = 0; i < packed.length; i++) {
      var code = packed.charCodeAt(i)
      if (code >= 48 && code <= 57) {
        visit(packed.slice(start, i), code - 48, offset)
        offset += i - start
        start = i + 1
      }
    }
  }

  /* "统战工作7统战5…" → Map word → level */
  function parseWords(packed) {
    var words = new Map()
    eachWord(packed, function (word, level) {
      if (word.length >= 2 && word.length <= MAX_WORD) words.set(word, level)
    })
    return words
  }

  /* kb-data.txt: "I\tinitials\tcharacters", "P\turl\ttitle" and
     "D\tpage\tanchor\tkind\tnumber\ttext" lines */
  function parseData(data) {
    var pages = [], docs = [], initials = null, start = 0
    while (start < data.length) {
      var end = data.indexOf("\n", start)
      if (end === -1) end = data.length
      var line = data.slice(start, end)
      start = end + 1
      if (line.charCodeAt(0) === 80) {                       /* P */
        var tab = line.indexOf("\t", 2)
        pages.push([line.slice(2, tab), line.slice(tab + 1)])
      } else if (line.charCodeAt(0) === 68) {                /* D */
        var f = line.split("\t")
        docs.push({ page: +f[1], anchor: f[2], kind: +f[3], number: +f[4], text: f.slice(5).join("\t") })
      } else if (line.charCodeAt(0) === 73) {                /* I */
        var parts = line.split("\t")
        initials = { words: parts[1], characters: parts[2] || "" }
      }
    }
    return { pages: pages, docs: docs, initials: initials }
  }

  /* The documents of kb-data.txt, read piece by piece (the whole file, or from file:// the
     shards the page sends, in order), each paragraph labelled by the heading before it */
  function Documents() {
    this.pages = []
    this.docs = []
    this.texts = []
    this.initials = { words: "", characters: "" }
    this.heading = new Map()
    this.offset = 0
    this.total = 0
  }

  Documents.prototype.add = function (piece) {
    var data = parseData(piece), heading = this.heading
    if (data.initials) this.initials = data.initials
    for (var p = 0; p < data.pages.length; p++) this.pages.push(data.pages[p])
    for (var d = 0; d < data.docs.length; d++) {
      var doc = data.docs[d]
      if (doc.kind === 2) heading.set(doc.page, doc.text)
      if (doc.kind <= 1) heading.delete(doc.page)
      doc.label = doc.kind === 3
        ? (heading.has(doc.page) ? heading.get(doc.page) + " · " : "") + "第" + doc.number + "段"
        : doc.text
      doc.start = this.offset
      this.texts.push(normalize(doc.text))
      this.offset += doc.text.length + 1
      this.total += doc.text.length
      this.docs.push(doc)
    }
  }

  /* index: Material's {config, docs}, docs holding kb-data.txt as one string, or else the
     documents already read */
  function Engine(index, documents) {
    var kb = index.config.kb
    if (!documents) {
      documents = new Documents()
      documents.add(index.docs[0] || "")
    }
    this.pages = documents.pages
    this.words = parseWords(kb.words)
    this.packedWords = kb.words
    this.initials = documents.initials
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
    var variants = this.variants = new Map()
    ;(kb.synonyms || []).forEach(function (group) {
      var words = group.map(normalize)
      words.forEach(function (w) {
        variants.set(w, (variants.get(w) || []).concat(words.filter(function (o) { return o !== w })))
      })
    })
    this.synonymWeight = kb.synonym_weight || 0.8
    this.boost = kb.boost
    this.docs = documents.docs
    this.all = documents.texts.join("\u0000")
    this.average = this.docs.length ? documents.total / this.docs.length : 1
  }

  /* Traditional characters to Simplified, then the phrase repairs (资讯 → 信息) */
  Engine.prototype.foldQuery = function (query) {
    var fold = this.fold, repairs = this.repairs
    var folded = Array.from(query).map(function (c) { return fold.get(c) || c }).join("")
    if (folded === query || !this.repairPattern)
      return folded
    return folded.replace(this.repairPattern, function (word) { return repairs.get(word) })
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

  Engine.prototype.cut = function (text) {
    var words = [], self = this
    var tokens = normalize(text).match(TOKEN) || []
    tokens.forEach(function (token) {
      if (token.charCodeAt(0) < 128) words.push(token)
      else words.push.apply(words, self.cutHan(token, ""))
    })
    return words
  }

  Engine.prototype.parts = function (word) {
    return word.length > 2 ? this.cutHan(word, word) : [word]
  }

  /* The query's words, without those that say nothing about the subject */
  Engine.prototype.terms = function (folded) {
    var stop = this.stop
    var words = this.cut(folded)
    var kept = words.filter(function (w) { return !stop.has(w) })
    if (!kept.length) kept = words
    return kept.filter(function (w, i) { return kept.indexOf(w) === i })
  }

  /* Occurrences of a word in every document: Map doc → count */
  Engine.prototype.occurrences = function (word) {
    var found = new Map(), docs = this.docs, all = this.all
    var pos = all.indexOf(word), lo = 0
    while (pos !== -1) {
      var hi = docs.length - 1
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1
        if (docs[mid].start <= pos) lo = mid
        else hi = mid - 1
      }
      found.set(lo, (found.get(lo) || 0) + 1)
      pos = all.indexOf(word, pos + word.length)
    }
    return found
  }

  Engine.prototype.normText = function (i) {
    var doc = this.docs[i]
    return this.all.slice(doc.start, doc.start + doc.text.length)
  }

  /* Occurrences of a word or of the words of its synonym group (counted at their weight);
     the words found are added to `seen`, for marking */
  Engine.prototype.occurrencesOrSynonyms = function (word, seen) {
    var found = this.occurrences(word), weight = this.synonymWeight, self = this
    if (found.size) seen.push(word)
    ;(this.variants.get(word) || []).forEach(function (other) {
      var more = self.occurrences(other)
      if (more.size) seen.push(other)
      more.forEach(function (count, doc) { found.set(doc, (found.get(doc) || 0) + count * weight) })
    })
    return found
  }

  /* Where a word (or a synonym) is found: whole, or else all of its parts in one document */
  Engine.prototype.matches = function (word) {
    var seen = []
    var whole = this.occurrencesOrSynonyms(word, seen)
    if (whole.size || word.length <= 2)
      return { docs: whole, factor: 1, words: seen.length ? seen : [word] }
    var parts = this.parts(word)
    if (parts.length < 2)
      return { docs: whole, factor: 1, words: [word] }
    var self = this, docs = null, partWords = []
    parts.forEach(function (part) {
      var found = self.occurrencesOrSynonyms(part, partWords), next = new Map()
      found.forEach(function (count, doc) {
        if (docs === null || docs.has(doc))
          next.set(doc, Math.min(count, docs === null ? count : docs.get(doc)))
      })
      docs = next
    })
    return { docs: docs, factor: PART_FACTOR, words: partWords.length ? partWords : parts }
  }

  /* The kind-0 document (what a page says at its top) of each page */
  Engine.prototype.pageDocs = function () {
    if (!this.tops) {
      var tops = this.tops = new Map()
      this.docs.forEach(function (doc, i) {
        if (doc.kind === 0 && !tops.has(doc.page)) tops.set(doc.page, i)
      })
    }
    return this.tops
  }

  Engine.prototype.search = function (query) {
    var folded = normalize(this.foldQuery(query.trim()))
    var terms = this.terms(folded)
    if (!terms.length) return []
    var self = this, n = this.docs.length
    /* Per document: its score, how many of the terms it holds, the aliases that lead to
       it; which terms and words it holds is asked of `matched` for the few results shown */
    var matched = terms.map(function (term) { return self.matches(term) })
    var scores = new Float64Array(n), covered = new Uint16Array(n), touched = [], aliased = new Map()

    matched.forEach(function (match) {
      var idf = Math.log(1 + (n - match.docs.size + 0.5) / (match.docs.size + 0.5))
      match.docs.forEach(function (tf, i) {
        var doc = self.docs[i]
        var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.text.length / self.average))
        if (!covered[i]) touched.push(i)
        scores[i] += idf * match.factor * norm * self.boost[doc.kind]
        covered[i]++
      })
    })

    /* Prefer documents with every word, and with the words next to each other as typed */
    var phrase = folded.replace(/\s+/g, "")
    touched.forEach(function (i) {
      var coverage = covered[i] / terms.length
      var score = scores[i] * (coverage * coverage)
      if (terms.length > 1) {
        var text = self.normText(i), adjacent = 0
        for (var t = 0; t + 1 < terms.length; t++)
          if (text.indexOf(terms[t] + terms[t + 1]) !== -1) adjacent++
        score *= 1 + ADJACENT_BONUS * adjacent / (terms.length - 1)
        if (text.indexOf(phrase) !== -1) score *= PHRASE_BONUS
      }
      scores[i] = score
    })

    /* A colloquial name of a topic leads to that topic first */
    var top = 0
    touched.forEach(function (i) { top = Math.max(top, scores[i]) })
    var tops = this.aliases.length ? this.pageDocs() : null
    this.aliases.forEach(function (entry) {
      var alias = entry[0], i = tops.get(entry[1])
      if (i !== undefined && (folded.indexOf(alias) !== -1 || (phrase.length >= 2 && alias.indexOf(phrase) !== -1))) {
        if (!covered[i] && !aliased.has(i)) touched.push(i)
        scores[i] = (top || 1) * 2 + scores[i]
        if (!aliased.has(i)) aliased.set(i, [])
        aliased.get(i).push(alias)
      }
    })

    /* One result per page: its best target first, the others folded under it */
    var groups = new Map()
    touched.forEach(function (i) {
      var page = self.docs[i].page
      if (!groups.has(page)) groups.set(page, [])
      groups.get(page).push(i)
    })
    var ranked = Array.from(groups.values()).map(function (members) {
      members.sort(function (a, b) { return scores[b] - scores[a] })
      var rest = 0
      for (var m = 1; m < members.length; m++) rest += scores[members[m]]
      return { members: members, score: scores[members[0]] + 0.05 * Math.min(rest, scores[members[0]]) }
    }).sort(function (a, b) { return b.score - a.score }).slice(0, MAX_GROUPS)

    var holding = function (i) {
      var found = [], marks = []
      matched.forEach(function (match, t) {
        if (match.docs.has(i)) {
          found.push(terms[t])
          marks.push.apply(marks, match.words)
        }
      })
      var aliases = aliased.get(i) || []
      return { found: found.concat(aliases), marks: marks.concat(aliases) }
    }
    return ranked.map(function (group) {
      var best = self.docs[group.members[0]]
      var page = self.pages[best.page]
      var items = [self.item(group.members[0], page[0] + (best.anchor ? "?p=" + best.anchor : ""),
                             page[1], group.score, holding(group.members[0]))]
      group.members.slice(1, 1 + MAX_CHILDREN).forEach(function (i) {
        var doc = self.docs[i]
        items.push(self.item(i, page[0] + (doc.anchor ? "#" + doc.anchor : ""), doc.label,
                             Math.min(scores[i], group.score * 0.99), holding(i)))
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
      text: this.snippet(this.docs[i], holds.marks),
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

  /* What the panel shows for a query: its results, or, when it finds nothing, offers */
  Engine.prototype.answer = function (query) {
    var found = this.search(query)
    return found.length ? found : this.offer(query)
  }

  /* A query that finds nothing is offered the vocabulary's words near it (sharing its
     characters, 经废 → 经费, or with the pinyin initials it was typed in, tzwy → 统战委员) and
     the topics near it, or else the topics to start from. Each offer is a result: a word
     runs its search (kb-boot.js keeps the reader in the open search), a topic opens. The
     first carries the line to show above them (data-kb-offer: kb-boot.js puts it in place
     of the theme's count, which would call the offers results found), and, when they are
     only the topics to start from, data-kb-browse (Enter then opens none of them). */
  Engine.prototype.offer = function (query) {
    var typed = normalize(this.foldQuery(query.trim())).replace(/\s+/g, "")
    if (!this.terms(typed).length) return []
    var latin = INITIALS.test(typed), text = latin ? "" : (typed.match(HAN) || []).join("")
    var asked = { text: text, chars: new Set(text), latin: latin, initials: latin ? typed : this.initialsOf(text) }
    var words = latin || text ? this.nearWords(asked) : [], topics = latin || text ? this.nearTopics(asked) : []
    var shown = query.trim().length > 20 ? query.trim().slice(0, 20) + "…" : query.trim()
    var near = words.length || topics.length
    var line = "没有找到“" + shown + "”。" + (near ? "您是不是要找：" : "可以从这些专题看起：")
    if (!near)
      for (var page = 0; page < Math.min(this.topics, LISTED_TOPICS); page++) topics.push(page)
    var self = this
    var items = words.map(function (word) {
      return { location: "index.html?q=" + encodeURIComponent(word.word), title: escapeHTML(word.word),
               text: (latin ? "拼音首字母 " + word.initials.toUpperCase() + " · " : "") +
                     word.places + " 处提到这个词", terms: {} }
    }).concat(topics.map(function (page) {
      return { location: self.pages[page][0], title: escapeHTML(self.pages[page][1]),
               text: "专题 · " + escapeHTML(self.description(page)), terms: {} }
    }))
    if (!items.length) return []
    items.forEach(function (item, i) { item.score = items.length - i })
    items[0].text = '<span hidden data-kb-offer="' + escapeHTML(line) + '"' + (near ? "" : " data-kb-browse") +
                    "></span>" + items[0].text
    return items.map(function (item) { return [item] })
  }

  /* Each word of the vocabulary with its level and pinyin initials (kb-data's I line: a
     letter per character of kb.words' words), and each character's initial (the common
     characters', grouped by initial, "a啊阿…b八…"; any other as a word reads it); made at
     the first query that finds nothing */
  Engine.prototype.lexicon = function () {
    if (this.known) return this.known
    var entries = [], letters = new Map(), byWord = new Map(), initials = this.initials.words
    var letter = "", characters = this.initials.characters
    for (var c = 0; c < characters.length; c++) {
      if (characters.charCodeAt(c) < 128) letter = characters[c]
      else letters.set(characters[c], letter)
    }
    eachWord(this.packedWords, function (word, level, offset) {
      var mine = initials.slice(offset, offset + word.length)
      if (mine.length !== word.length) mine = ""
      entries.push({ word: word, level: level })
      byWord.set(word, mine)
      for (var k = 0; k < mine.length; k++)
        if (mine[k] !== "_" && !letters.has(word[k])) letters.set(word[k], mine[k])
    })
    return (this.known = { entries: entries, letters: letters, initials: byWord })
  }

  /* A text's pinyin initials: a word's own, or else character by character (_ unknown) */
  Engine.prototype.initialsOf = function (text) {
    var known = this.lexicon()
    return known.initials.get(text) ||
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
    for (var page = 0; page < this.topics; page++) titles.add(this.pages[page][1])
    this.lexicon().entries.forEach(function (entry) {
      var nearness = entry.word === asked.text || titles.has(entry.word) ? 0 : self.nearness(asked, entry.word)
      if (nearness > 0) found.push({ word: entry.word, nearness: nearness + entry.level / 10 })
    })
    found.sort(function (a, b) { return b.nearness - a.nearness })
    for (var i = 0; i < found.length && offered.length < OFFERED_WORDS; i++) {
      var word = found[i].word, places = this.occurrences(word).size
      if (places) offered.push({ word: word, initials: this.initialsOf(word), places: places })
    }
    return offered
  }

  /* The topics whose title or an alias is near the query, nearest first */
  Engine.prototype.nearTopics = function (asked) {
    var found = []
    for (var page = 0; page < this.topics; page++) {
      var nearness = this.nearness(asked, this.pages[page][1])
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
    var i = this.pageDocs().get(page), title = this.pages[page][1]
    var text = i === undefined ? "" : this.docs[i].text
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

  /* Material's worker protocol. Over http(s) the page sends only the small config and
     the documents are fetched here, off the page's thread. From file:// (a blob worker,
     which can fetch nothing) kb-boot.js sends the documents in shards as the page loads
     them ({kb: SHARD, n, total, text}); each is read as soon as those before it are in. */
  var engine = null, ready = null
  var shards = [], next = 0, total = -1, documents = new Documents(), complete = null
  var loaded = new Promise(function (resolve) { complete = resolve })

  function receive(message) {
    shards[message.n] = message.text
    total = message.total
    while (typeof shards[next] === "string") {
      documents.add(shards[next])
      shards[next++] = null
    }
    if (next === total) complete(documents)
  }

  function setup(index) {
    var kb = index.config.kb
    if (index.docs.length || !(kb.data || kb.shards))
      return Promise.resolve(new Engine(index))
    if (kb.shards)
      return ready || (ready = loaded.then(function (all) { return new Engine(index, all) }))
    var root = new URL("../../", scope.location.href)      /* this file is assets/javascripts/ */
    return fetch(new URL(kb.data, root).href)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText)
        return response.text()
      })
      .then(function (data) { return new Engine({ config: index.config, docs: [data] }) })
  }

  /* What answers every query when the search data could not be read: one result that
     says so, in the panel where the reader is looking, instead of a search that waits. */
  function unavailable(reason) {
    var message = {
      location: "#", score: 1, terms: {},
      title: "检索数据无法读取",
      text: "本页的检索数据没有读到（" + escapeHTML(String(reason)) + "）。请刷新页面再试；" +
            "离线版请确认 search 文件夹完整。"
    }
    return { answer: function () { return [[message]] } }
  }

  /* Over http(s) the documents are fetched only once the page says the reader wants to
     search ({kb: LOAD}); from file:// the page sends the shards only then. */
  var index = null, wanted = false, started = false

  function start() {
    if (started || !index || !(wanted || (index.config.kb || {}).shards)) return
    started = true
    setup(index).catch(unavailable).then(function (made) {
      engine = made
      scope.postMessage({ type: READY })
    })
  }

  scope.onmessage = function (event) {
    var message = event.data
    if (message.kb === SHARD) {
      receive(message)
    } else if (message.type === SETUP) {
      index = message.data
      var kb = index.config.kb
      if (index.docs.length || !kb || !(kb.data || kb.shards)) wanted = true
      start()
    } else if (message.kb === LOAD) {
      wanted = true
      start()
    } else if (message.kb === FAILED) {
      engine = unavailable(message.reason)
      scope.postMessage({ type: READY })
    } else if (message.type === QUERY) {
      var items = engine && message.data ? engine.answer(message.data) : []
      scope.postMessage({ type: RESULT, data: { items: items } })
    }
  }

  return { Engine: Engine, Documents: Documents, normalize: normalize }
})
