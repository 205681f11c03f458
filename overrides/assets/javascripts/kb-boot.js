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
 * A search result that names a paragraph (…html?p=p-xxxx) lands on it.
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
    }
    config.search = worker
    element.textContent = JSON.stringify(config)
  }

  var target = new URLSearchParams(location.search).get("p")
  if (target && !location.hash && document.getElementById(target))
    location.replace("#" + target)

  /* The theme starts the worker with `new Worker(url)`: the one started with our url is
     kept, and the shards loaded until then wait for it. */
  function feedShards(url, root) {
    var Native = window.Worker, receiver = null, waiting = []
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
    /* Only until the theme has started it: then window.Worker is the browser's again. */
    window.Worker = function (address, options) {
      var started = new Native(address, options)
      if (!receiver && String(address) === url) {
        receiver = started
        window.Worker = Native
        waiting.splice(0).forEach(function (message) { started.postMessage(message) })
      }
      return started
    }
    window.Worker.prototype = Native.prototype
    load("search/kb-shards.js")
  }
})()
