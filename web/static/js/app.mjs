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
