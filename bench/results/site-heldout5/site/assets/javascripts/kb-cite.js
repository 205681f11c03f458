/*
 * Citations for trainers: a one-click copy of a paragraph's permanent link, and link
 * targets written out when a page is printed.
 *
 * The permanent link is built on the site's public address (mkdocs.yml site_url) when
 * there is one, so a link copied from the USB bundle still points at the website;
 * without it, on the address the page was opened from (printed from file://: the page's
 * place in the site, "本站 sources/…").
 */
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent)
  var root = new URL(config.base.replace(/\/?$/, "/"), location.href).href
  var meta = document.querySelector('meta[name="kb-site-url"]')
  var site = meta && meta.content ? meta.content.replace(/\/?$/, "/") : root

  function permanent(href) {
    var url = new URL(href, location.href)
    url.search = ""
    var path = url.href.indexOf(root) === 0 ? url.href.slice(root.length) : null
    return path === null ? url.href : site + path
  }

  /* A link target as paper shows it: the public address when there is one; opened from
     file:// without one, the page's place in the site ("本站 sources/…"), the same on every
     machine, not the path of the copy the trainer printed from */
  function printed(href) {
    var link = permanent(href)
    if (meta && meta.content || location.protocol !== "file:" || link.indexOf(root) !== 0) return link
    return "本站 " + decodeURI(link.slice(root.length))
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(text).catch(function () { fallback(text) })
    fallback(text)
    return Promise.resolve()
  }

  function fallback(text) {
    var area = document.createElement("textarea")
    area.value = text
    area.setAttribute("readonly", "")
    area.style.position = "fixed"
    area.style.opacity = "0"
    document.body.appendChild(area)
    area.select()
    document.execCommand("copy")
    document.body.removeChild(area)
  }

  /* Said to a screen reader (and shown briefly) when a link was copied */
  var status = document.createElement("div")
  status.className = "kb-status"
  status.setAttribute("role", "status")
  status.setAttribute("aria-live", "polite")
  document.body.appendChild(status)

  function announce(text) {
    status.textContent = text
    status.classList.add("kb-status--shown")
    clearTimeout(announce.timer)
    announce.timer = setTimeout(function () { status.classList.remove("kb-status--shown") }, 2000)
  }

  function button(link, label) {
    var b = document.createElement("button")
    b.type = "button"
    b.className = "kb-copylink"
    b.textContent = "复制链接"
    b.title = "复制" + label + "的永久链接"
    b.setAttribute("data-link", link)
    b.addEventListener("click", function () {
      copy(link).then(function () {
        b.textContent = "已复制"
        b.classList.add("kb-copied")
        announce("已复制链接：" + label)
        setTimeout(function () {
          b.textContent = "复制链接"
          b.classList.remove("kb-copied")
        }, 2000)
      })
    })
    return b
  }

  /* A paragraph of a source page: its citation and its own link */
  document.querySelectorAll("article p.kb-para[id]").forEach(function (p) {
    var cite = p.getAttribute("data-cite") || ""
    p.appendChild(button(permanent("#" + p.id), cite || "本段"))
  })

  /* An excerpt elsewhere: the link of the paragraph it cites */
  document.querySelectorAll("article .kb-cite a[href]").forEach(function (a) {
    a.parentNode.insertBefore(button(permanent(a.getAttribute("href")), a.textContent), a.nextSibling)
  })

  /* Printed, a link shows where it goes */
  document.querySelectorAll("article.md-content__inner a[href]").forEach(function (a) {
    var href = a.getAttribute("href")
    if (href && href.charAt(0) !== "#" && !a.classList.contains("kb-pilcrow") && !a.classList.contains("headerlink"))
      a.setAttribute("data-print-href", printed(href))
  })
})()

/* A printed page shows every excerpt whole: the folded ones open before printing. */
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.kb-excerpt:not([open])").forEach(function (details) {
    details.setAttribute("open", "")
    details.setAttribute("data-kb-printed", "")
  })
})
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-kb-printed]").forEach(function (details) {
    details.removeAttribute("open")
    details.removeAttribute("data-kb-printed")
  })
})

/* The home page's own search box (a button that looks like one): opens the theme's search
   and puts the cursor in it, on a phone too, where the header shows only a magnifier. */
document.querySelectorAll(".kb-search-button").forEach(function (button) {
  button.addEventListener("click", function () {
    var toggle = document.getElementById("__search")
    if (toggle && !toggle.checked) {
      toggle.checked = true
      toggle.dispatchEvent(new Event("change"))
    }
    var field = document.querySelector(".md-search__input")
    if (field) field.focus()
  })
})
