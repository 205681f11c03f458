/*
 * Runs before Material's bundle: points the search box at our worker.
 *
 * Over http(s) the worker is kb-search.js itself. Opened from file://, a page may not
 * start a worker from a file, so the worker is built from the source kb-search.js left
 * in the page (a blob, created here, nothing fetched), and the page hands it the
 * documents: search/kb-shards.js says how many shards there are, the shards
 * (search/kb-data-<n>.js) load side by side, and each goes to the worker as it arrives,
 * so the worker reads one while the next loads.
 *
 * Nothing of the search data is read when a page is viewed: only when the reader turns
 * to the search box (focus, the magnifier, a link with ?q=) are the shards loaded, or,
 * over http(s), is the worker told to fetch its documents.
 *
 * A search result that names a paragraph (…html?p=p-xxxx) lands on it.
 *
 * A query that finds nothing is answered with offers (kb-search.js): the line above them
 * says so, and an offered word is searched for in the open search.
 */
(function () {
  var element = document.getElementById("__config")
  var script = document.currentScript
  if (element && script) {
    var config = JSON.parse(element.textContent)
    var worker = new URL("kb-search.js", script.src).href
    if (location.protocol === "file:" && window.__kbSearch) {
      var source = "(" + window.__kbSearch.toString() + ")(self)"
      worker = URL.createObjectURL(new Blob([source], { type: "text/javascript" }))
      feedShards(worker, new URL(config.base || ".", location.href))
    } else {
      captureWorker(worker, function (started) {
        whenWanted(function () { started.postMessage({ kb: "load" }) })
      })
    }
    config.search = worker
    element.textContent = JSON.stringify(config)
    explainOffers()
  }

  var target = new URLSearchParams(location.search).get("p")
  if (target && !location.hash && document.getElementById(target))
    location.replace("#" + target)

  /* The theme counts offers as results found ("找到 1 个符合条件的结果"): the line above
     them is the one the first offer carries ("没有找到“…”。您是不是要找："), set as soon as
     the theme has written its own. An offered word (…index.html?q=word) is searched for
     here, in the open search, instead of opening the home page with it. */
  function explainOffers() {
    var list = document.querySelector(".md-search-result__list")
    var meta = document.querySelector(".md-search-result__meta")
    if (!list || !meta) return
    new MutationObserver(function () {
      var offer = list.querySelector("[data-kb-offer]")
      if (offer && meta.textContent !== offer.getAttribute("data-kb-offer"))
        meta.textContent = offer.getAttribute("data-kb-offer")
    }).observe(list, { childList: true })
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.md-search-result__link")
      var query = link && new URL(link.href).searchParams.get("q")
      if (!query || event.button || event.ctrlKey || event.metaKey || event.shiftKey) return
      event.preventDefault()
      event.stopPropagation()          /* the theme would close the search */
      var field = document.querySelector(".md-search__input")
      field.value = query
      field.focus()
      field.dispatchEvent(new KeyboardEvent("keyup"))        /* the theme reads the box on keyup */
    }, true)
    /* Enter opens the best result; the topics listed when nothing is near are none */
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.isComposing && list.querySelector("[data-kb-browse]") &&
          event.target.classList && event.target.classList.contains("md-search__input")) {
        event.preventDefault()
        event.stopPropagation()
      }
    }, true)
  }

  /* Call start() once, when the reader turns to the search box. */
  function whenWanted(start) {
    var started = false
    function go() { if (!started) { started = true; start() } }
    if (new URLSearchParams(location.search).has("q")) return go()
    document.addEventListener("focusin", function (event) {
      if (event.target.classList && event.target.classList.contains("md-search__input")) go()
    })
    document.addEventListener("change", function (event) {
      if (event.target.id === "__search" && event.target.checked) go()
    })
  }

  /* The theme starts the worker with `new Worker(url)`: the one started with our url is
     handed to `found`. Only until then is window.Worker replaced. */
  function captureWorker(url, found) {
    var Native = window.Worker
    window.Worker = function (address, options) {
      var started = new Native(address, options)
      if (String(address) === url) {
        window.Worker = Native
        found(started)
      }
      return started
    }
    window.Worker.prototype = Native.prototype
  }

  /* From file://: the shards, loaded when wanted, each sent to the worker as it comes
     (the ones that come before the theme has started it wait for it). */
  function feedShards(url, root) {
    var receiver = null, waiting = []
    if (!root.pathname.endsWith("/")) root = new URL(root.href + "/")

    function send(message) {
      if (receiver) receiver.postMessage(message)
      else waiting.push(message)
    }

    function load(path) {
      var tag = document.createElement("script")
      tag.src = new URL(path, root).href
      tag.onload = function () { tag.remove() }
      tag.onerror = function () {
        console.error("知识库检索：无法读取 " + tag.src)
        send({ kb: "failed", reason: "无法读取 " + path })      /* the search panel says so */
      }
      document.head.appendChild(tag)
    }

    window.__kbShards = function (total) {
      window.__kbShard = function (n, text) {
        send({ kb: "shard", n: n, total: total, text: text })
      }
      for (var n = 0; n < total; n++) load("search/kb-data-" + n + ".js")
    }
    captureWorker(url, function (started) {
      receiver = started
      waiting.splice(0).forEach(function (message) { started.postMessage(message) })
    })
    whenWanted(function () { load("search/kb-shards.js") })
  }
})()
