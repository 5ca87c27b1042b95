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
const codeForm = document.querySelector('form[data-code-from-link]')
const fromLink = decodeURIComponent(window.location.hash.slice(1)).trim()
if (codeForm && fromLink && /^[A-Za-z0-9-]{4,40}$/.test(fromLink)) {
  codeForm.querySelector('input[name="code"]').value = fromLink
  window.history.replaceState(null, '', window.location.pathname)
  codeForm.submit()
}
