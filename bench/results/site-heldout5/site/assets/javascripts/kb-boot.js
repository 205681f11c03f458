/*
 * Runs before Material's bundle: points the search box at our worker.
 *
 * Over http(s) the worker is kb-search.js itself, and it fetches the search shards it
 * needs. Opened from file://, a page may not start a worker from a file, so the worker
 * is built from the source kb-search.js left in the page (a blob, created here, nothing
 * fetched), and the page loads for it each shard it asks for ({kb: "need", name}), as a
 * script (search/<name>.js calls __kb(name, payload)), and hands the payload over.
 *
 * Nothing of the search data is read when a page is viewed: the worker asks for shards
 * only when a query is typed, and then only the shards of its words and of the results
 * it shows.
 *
 * A search result that names a paragraph (…html?p=p-xxxx) lands on it.
 *
 * A query that finds nothing is answered with offers (kb-search.js): the line above them
 * says so, and an offered word is searched for in the open search. The first results of
 * a query come before the others (kb-search.js): the line above them counts them all.
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
      serveShards(worker, new URL(config.base || ".", location.href))
    }
    config.search = worker
    element.textContent = JSON.stringify(config)
    explainResults()
  }

  var target = new URLSearchParams(location.search).get("p")
  if (target && !location.hash && document.getElementById(target))
    location.replace("#" + target)

  /* The line above the results, set as soon as the theme has written its own. The theme
     counts offers as results found ("找到 1 个符合条件的结果"): the line is the one the first
     offer carries ("没有找到“…”。您是不是要找："). The first results of a query come
     before the others: the theme would count only them. An offered word
     (…index.html?q=word) is searched for here, in the open search, instead of opening the
     home page with it. */
  function explainResults() {
    var list = document.querySelector(".md-search-result__list")
    var meta = document.querySelector(".md-search-result__meta")
    if (!list || !meta) return
    new MutationObserver(function () {
      var offer = list.querySelector("[data-kb-offer]")
      if (offer && meta.textContent !== offer.getAttribute("data-kb-offer"))
        meta.textContent = offer.getAttribute("data-kb-offer")
      var count = list.querySelector("[data-kb-count]")
      if (count) meta.textContent = meta.textContent.replace(/\d+/, count.getAttribute("data-kb-count"))
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

  /* From file://: each shard the worker asks for, loaded as a script and sent to it (a
     shard that cannot be read is said to the worker, which says so in the panel). */
  function serveShards(url, root) {
    if (!root.pathname.endsWith("/")) root = new URL(root.href + "/")
    captureWorker(url, function (started) {
      window.__kb = function (name, payload) {
        started.postMessage({ kb: "file", name: name, text: payload })
      }
      started.addEventListener("message", function (event) {
        var message = event.data
        if (message && message.kb === "need") load(message.name)
      })

      function load(name) {
        var tag = document.createElement("script")
        tag.src = new URL("search/" + name + ".js", root).href
        tag.onload = function () { tag.remove() }
        tag.onerror = function () {
          tag.remove()
          console.error("知识库检索：无法读取 " + tag.src)
          started.postMessage({ kb: "failed", name: name, reason: "无法读取 search/" + name + ".js" })
        }
        document.head.appendChild(tag)
      }
    })
  }
})()
