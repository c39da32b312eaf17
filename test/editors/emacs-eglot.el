;;; emacs-eglot.el --- drives the language server from Emacs's eglot, in batch mode  -*- lexical-binding: t -*-
;; Run by test/editors/emacs.test.ts:
;;   emacs --batch -Q -l test/editors/emacs-eglot.el
;; with WIKITEXT_NODE, WIKITEXT_SERVER (the server script), WIKITEXT_FILE (a copy of the seed), WIKITEXT_OUT.
;; Opens the file in a wikitext mode managed by eglot, waits for the diagnostics in Flymake, hovers on a
;; citation, applies the quick fix of the first missing access-date with eglot's own edit code, and writes
;; what it saw as JSON.
(require 'package)
;; -Q skips Debian's site start-up: find the packages of elpa-eglot (and its dependencies) directly
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'json)
(require 'cl-lib)

(defvar wt-result nil)
(defun wt-put (key value) (push (cons key value) wt-result))
(defun wt-finish (&optional error)
  (when error (wt-put 'error error))
  (with-temp-file (getenv "WIKITEXT_OUT") (insert (json-encode wt-result)))
  (kill-emacs 0))

(defun wt-wait (pred seconds)
  "Process events until PRED holds or SECONDS pass; return PRED's value."
  (let ((deadline (+ (float-time) seconds)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

(defun wt-code (diag)
  (plist-get (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diag))) :code))

(condition-case err
    (progn
      (define-derived-mode wikitext-mode text-mode "Wikitext")
      (add-to-list 'eglot-server-programs
                   `(wikitext-mode . (,(getenv "WIKITEXT_NODE") ,(getenv "WIKITEXT_SERVER") "--stdio")))
      (setq eglot-sync-connect 60)
      ;; settings as VS Code's `wikitext.*` (eglot 1.9's alist form; Emacs 29's eglot also takes a plist)
      (setq-default eglot-workspace-configuration '((:wikitext . (:linkBaseUrl "https://simple.wikipedia.org/wiki/"))))
      (find-file (getenv "WIKITEXT_FILE"))
      (wikitext-mode)
      (apply #'eglot (eglot--guess-contact))
      (wt-put 'managed (if (eglot-managed-p) t :json-false))
      ;; diagnostics: pushed by the server, handed to Flymake when it runs its backends
      (wt-wait (lambda () (progn (flymake-start) (>= (length (flymake-diagnostics)) 24))) 60)
      (accept-process-output nil 0.3)
      (let* ((diags (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
             (first (car diags))
             (target (cl-find-if (lambda (d) (equal (wt-code d) "cite-missing-access-date")) diags)))
        (wt-put 'count (length diags))
        (wt-put 'missing (cl-count-if (lambda (d) (equal (wt-code d) "cite-missing-access-date")) diags))
        (wt-put 'archived (cl-count-if (lambda (d) (equal (wt-code d) "cite-dead-link-archived")) diags))
        (unless first (wt-finish "no diagnostics"))
        (wt-put 'first_beg (flymake-diagnostic-beg first))
        (wt-put 'first_end (flymake-diagnostic-end first))
        (wt-put 'first_code (wt-code first))
        ;; hover on the first {{cite web}}
        (goto-char (point-min))
        (search-forward "{{cite web")
        (backward-char 4)
        (let ((hover (jsonrpc-request (eglot--current-server-or-lose) :textDocument/hover (eglot--TextDocumentPositionParams))))
          (wt-put 'hover (plist-get (plist-get hover :contents) :value)))
        ;; the quick fix of the first missing access-date, as eglot-code-actions asks for it
        (let* ((beg (flymake-diagnostic-beg target))
               (end (flymake-diagnostic-end target))
               (actions (eglot-code-actions beg end "quickfix"))
               (fix (cl-find-if (lambda (a) (string-prefix-p "Add |access-date=" (plist-get a :title))) actions))
               (size (buffer-size)))
          (wt-put 'fixed_beg beg)
          (wt-put 'actions (vconcat (mapcar (lambda (a) (plist-get a :title)) actions)))
          (unless fix (wt-finish "no Add |access-date= action"))
          (wt-put 'applied (plist-get fix :title))
          (eglot--apply-workspace-edit (plist-get fix :edit))
          (wt-put 'inserted_chars (- (buffer-size) size))
          (wt-put 'after_fix (buffer-substring-no-properties beg (min (point-max) (+ beg 600))))
          ;; eglot sends the change from an idle timer, and batch Emacs is never idle: send it now
          (eglot--signal-textDocument/didChange)
          (wt-wait (lambda () (progn (flymake-start) (= (length (flymake-diagnostics)) 23))) 30)
          (wt-put 'count_after_fix (length (flymake-diagnostics)))))
      (ignore-errors (eglot-shutdown (eglot--current-server-or-lose)))
      (wt-finish))
  (error (wt-finish (format "%S" err))))
