/**
 * The redaction boundary: the one masker ({@link dev.polpocheck.redact.Redactor}) and the writer
 * ({@link dev.polpocheck.redact.RedactingWriter}) every output of polpo-check passes through —
 * standard output and error, {@code --output} files and every file of a {@code --report}
 * directory. Credential-shaped text is cut to its public prefix wherever it comes from (a value, a
 * key, a name, a path, a flag); values the run learnt are secret (resolved {@code ${VAR}}s, {@code
 * --env} and env-file values, auth-profile tokens) are masked whatever their shape. Depends only
 * on {@code config}'s credential shapes.
 */
package dev.polpocheck.redact;
