// Career Compass: small enhancements only. Every page works without JavaScript.
import { initAll } from '../../frontend/nhsuk.mjs'

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported')
initAll()

// "Print this page" buttons.
for (const button of document.querySelectorAll('[data-print-page]')) {
  button.addEventListener('click', () => window.print())
}

// "Copy the link" buttons: copy, then say so in the button itself.
for (const button of document.querySelectorAll('[data-copy-text]')) {
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copyText)
      button.textContent = 'Link copied'
    } catch {
      button.textContent = 'Could not copy: select the link instead'
    }
  })
}

// A share link carries its code after '#' (never sent to the server): put it in the form
// and open it. Without JavaScript the person types the code shown beside the link.
const codeForm = document.querySelector('form[data-code-from-link=""]')
const fromLink = decodeURIComponent(window.location.hash.slice(1)).trim()
if (codeForm && fromLink && /^[A-Za-z0-9-]{4,40}$/.test(fromLink)) {
  codeForm.querySelector('input[name="code"]').value = fromLink
  window.history.replaceState(null, '', window.location.pathname)
  codeForm.submit()
}

// A class's join link carries the join code after '#': put it in the box (the pupil still
// presses the button, after checking what they are adding).
const joinForm = document.querySelector('form[data-code-from-link="join_code"]')
if (joinForm && fromLink && /^[A-Za-z0-9]{4,12}$/.test(fromLink)) {
  joinForm.querySelector('input[name="join_code"]').value = fromLink.toUpperCase()
  window.history.replaceState(null, '', window.location.pathname)
}

// The projected group tally refreshes itself; without JavaScript there is a refresh link.
const live = document.querySelector('[data-refresh-every]')
if (live) {
  const seconds = Number(live.dataset.refreshEvery) || 20
  window.setInterval(async () => {
    try {
      const response = await fetch(window.location.pathname, { credentials: 'same-origin' })
      if (!response.ok) return
      const page = new DOMParser().parseFromString(await response.text(), 'text/html')
      const fresh = page.querySelector('[data-refresh-every]')
      if (fresh) live.replaceChildren(...fresh.childNodes)
    } catch {
      // Offline for a moment: the next tick tries again.
    }
  }, seconds * 1000)
}
