// Fixed-arity wrappers of libedit's variadic calls (el_set, el_get, history), which Swift cannot
// call directly. Only the LineEditing target imports this module.
#ifndef SENTAG_CLIBEDIT_SHIM_H
#define SENTAG_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <histedit.h>

typedef char *(*sentag_prompt_fn)(EditLine *);
typedef unsigned char (*sentag_command_fn)(EditLine *, int);

/// el_set(el, EL_PROMPT, fn) / EL_RPROMPT.
static inline int sentag_el_set_prompt(EditLine *el, sentag_prompt_fn fn) {
    return el_set(el, EL_PROMPT, fn);
}
/// el_set(el, EL_PROMPT_ESC, fn, c): the prompt may carry invisible (colour) bytes between two c.
static inline int sentag_el_set_prompt_esc(EditLine *el, sentag_prompt_fn fn, char c) {
    return el_set(el, EL_PROMPT_ESC, fn, c);
}
/// el_set(el, EL_EDITOR, "emacs" | "vi").
static inline int sentag_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
/// el_set(el, EL_SIGNAL, on): libedit catches SIGWINCH, SIGTSTP, SIGCONT and restores the tty.
static inline int sentag_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
/// el_set(el, EL_HIST, history, h).
static inline int sentag_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
/// el_set(el, EL_ADDFN, name, help, fn).
static inline int sentag_el_add_function(EditLine *el, const char *name, const char *help,
                                         sentag_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
/// el_set(el, EL_BIND, key, name, NULL).
static inline int sentag_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, (const char *)NULL);
}
/// el_set(el, EL_CLIENTDATA, data) / el_get(el, EL_CLIENTDATA, &data).
static inline int sentag_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *sentag_el_get_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/// el_set(el, EL_REFRESH): redraw the prompt and the line.
static inline int sentag_el_refresh(EditLine *el) {
    return el_set(el, EL_REFRESH);
}
/// el_get(el, EL_GETFP, which, &fp): 0 input, 1 output, 2 error.
static inline FILE *sentag_el_get_fp(EditLine *el, int which) {
    FILE *fp = NULL;
    if (el_get(el, EL_GETFP, which, &fp) != 0) return NULL;
    return fp;
}

/// history(h, &ev, H_SETSIZE, n).
static inline int sentag_history_set_size(History *h, HistEvent *ev, int n) {
    return history(h, ev, H_SETSIZE, n);
}
/// history(h, &ev, H_SETUNIQUE, on): drop an entry equal to the previous one.
static inline int sentag_history_set_unique(History *h, HistEvent *ev, int on) {
    return history(h, ev, H_SETUNIQUE, on);
}
/// history(h, &ev, H_ENTER, line).
static inline int sentag_history_enter(History *h, HistEvent *ev, const char *line) {
    return history(h, ev, H_ENTER, line);
}
/// history(h, &ev, H_LOAD, path).
static inline int sentag_history_load(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_LOAD, path);
}
/// history(h, &ev, H_SAVE, path).
static inline int sentag_history_save(History *h, HistEvent *ev, const char *path) {
    return history(h, ev, H_SAVE, path);
}
/// history(h, &ev, H_GETSIZE).
static inline int sentag_history_get_size(History *h, HistEvent *ev) {
    return history(h, ev, H_GETSIZE);
}

#endif
