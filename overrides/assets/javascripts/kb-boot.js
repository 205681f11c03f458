/*
 * Runs before Material's bundle: points the search box at our worker.
 *
 * Over http(s) the worker is kb-search.js itself. Opened from file://, a page may not
 * start a worker from a file, so the worker is built from the source kb-search.js left
 * in the page (a blob, created here, nothing fetched).
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
    }
    config.search = worker
    element.textContent = JSON.stringify(config)
  }

  var target = new URLSearchParams(location.search).get("p")
  if (target && !location.hash && document.getElementById(target))
    location.replace("#" + target)
})()
