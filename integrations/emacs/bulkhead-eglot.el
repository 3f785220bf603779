;;; bulkhead-eglot.el --- Bulkhead diagnostics through Eglot  -*- lexical-binding: t; -*-
;; SPDX-License-Identifier: MIT

;;; Commentary:
;; Registers `bulkhead lsp' as the Eglot language server for C, Dockerfile
;; and shell buffers.  Eglot (built into Emacs 29, a package before) then
;; shows Bulkhead's diagnostics through Flymake.  Load this file, then
;; `M-x eglot' in a buffer, or add `eglot-ensure' to the mode hooks below.
;;
;; Eglot runs one server per buffer, so Bulkhead replaces clangd in the C
;; modes listed here; to keep clangd for C, set `bulkhead-eglot-modes'
;; without them before this file is loaded (the entry is added at load).

;;; Code:

(require 'eglot)

(defvar bulkhead-eglot-program "bulkhead"
  "The bulkhead command: a name found on `exec-path' or an absolute file name.")

(defvar bulkhead-eglot-modes
  '(c-mode c-ts-mode dockerfile-mode dockerfile-ts-mode sh-mode bash-ts-mode)
  "Major modes whose buffers Eglot connects to `bulkhead lsp'.")

(add-to-list 'eglot-server-programs
             `(,bulkhead-eglot-modes . (,bulkhead-eglot-program "lsp")))

(provide 'bulkhead-eglot)
;;; bulkhead-eglot.el ends here
