// Fixed-arity wrappers of libedit's variadic calls (el_set, el_get, history), which Swift cannot
// call directly. Only the LineEditing target imports this module.
#ifndef SENTAG_CLIBEDIT_SHIM_H
#define SENTAG_CLIBEDIT_SHIM_H

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>
#include <wchar.h>
#include <histedit.h>

typedef char *(*sentag_prompt_fn)(EditLine *);
typedef unsigned char (*sentag_command_fn)(EditLine *, int);

/// el_init on the process's standard streams.
static inline EditLine *sentag_el_init_standard(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}
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

/// el_set(el, EL_PREP_TERM, on): the terminal in raw (1) or cooked (0) mode.
static inline int sentag_el_prep_term(EditLine *el, int on) {
    return el_set(el, EL_PREP_TERM, on);
}
/// el_set(el, EL_GETCFN, fn): the function libedit reads characters with.
typedef int (*sentag_getc_fn)(EditLine *, wchar_t *);
static inline int sentag_el_set_getc(EditLine *el, sentag_getc_fn fn) {
    return el_set(el, EL_GETCFN, fn);
}

/// The width of the terminal on `fd` in columns, or 0 when it is not a terminal.
static inline int sentag_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

// ---- Signals -------------------------------------------------------------------------------
//
// The line editor handles the signals that matter while a line is being typed itself, rather
// than through EL_SIGNAL: the handlers only set a bit; sentag_read_char (below) acts on the
// bits in ordinary code, between characters, with the signals blocked except while waiting.

enum {
    SENTAG_SIGINT = 1 << 0,
    SENTAG_SIGHUP = 1 << 1,
    SENTAG_SIGTERM = 1 << 2,
    SENTAG_SIGWINCH = 1 << 3,
    SENTAG_SIGCONT = 1 << 4,
    SENTAG_SIGTSTP = 1 << 5,
};

static volatile sig_atomic_t sentag_signal_bits = 0;

static void sentag_signal_handler(int signo) {
    switch (signo) {
    case SIGINT: sentag_signal_bits |= SENTAG_SIGINT; break;
    case SIGHUP: sentag_signal_bits |= SENTAG_SIGHUP; break;
    case SIGTERM: sentag_signal_bits |= SENTAG_SIGTERM; break;
    case SIGWINCH: sentag_signal_bits |= SENTAG_SIGWINCH; break;
    case SIGCONT: sentag_signal_bits |= SENTAG_SIGCONT; break;
    case SIGTSTP: sentag_signal_bits |= SENTAG_SIGTSTP; break;
    }
}

static inline void sentag_signal_set(sigset_t *set) {
    sigemptyset(set);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGTERM);
    sigaddset(set, SIGWINCH);
    sigaddset(set, SIGCONT);
    sigaddset(set, SIGTSTP);
}

/// The mask to wait with: the caller's, less the signals handled here. A parent may leave them
/// blocked across exec (a test runner's threads do); waiting with them blocked would never end.
static inline void sentag_wait_mask(const sigset_t *old, sigset_t *wait) {
    *wait = *old;
    sigdelset(wait, SIGINT);
    sigdelset(wait, SIGHUP);
    sigdelset(wait, SIGTERM);
    sigdelset(wait, SIGWINCH);
    sigdelset(wait, SIGCONT);
    sigdelset(wait, SIGTSTP);
}

/// Installs the handlers, without SA_RESTART so a blocked read returns EINTR.
static inline int sentag_install_signal_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = sentag_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    int signals[] = {SIGINT, SIGHUP, SIGTERM, SIGWINCH, SIGCONT, SIGTSTP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return 0;
}

/// Puts the default handlers back.
static inline void sentag_restore_signal_handlers(void) {
    int signals[] = {SIGINT, SIGHUP, SIGTERM, SIGWINCH, SIGCONT, SIGTSTP};
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) signal(signals[i], SIG_DFL);
}

/// The signal bits received and not yet taken; `mask` selects which to take (clear).
static inline int sentag_take_signals(int mask) {
    sigset_t set, old;
    sentag_signal_set(&set);
    sigprocmask(SIG_BLOCK, &set, &old);
    int bits = sentag_signal_bits & mask;
    sentag_signal_bits &= ~mask;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return bits;
}

/// SIGHUP and SIGTERM while lines are read from a pipe (Ctrl-C keeps its default there): the
/// handlers set the bits; sentag_wait_readable returns when one is set. A signal the parent
/// ignores (nohup) stays ignored. The previous actions are kept for
/// sentag_restore_termination_handlers.
static inline struct sigaction *sentag_previous_termination_actions(void) {
    static struct sigaction previous[2];  // SIGHUP, SIGTERM
    return previous;
}

static inline int sentag_install_termination_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = sentag_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    struct sigaction *previous = sentag_previous_termination_actions();
    int signals[] = {SIGHUP, SIGTERM};
    for (int i = 0; i < 2; i++) {
        if (sigaction(signals[i], NULL, &previous[i]) != 0) return -1;
        if (previous[i].sa_handler != SIG_IGN && sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return 0;
}

static inline void sentag_restore_termination_handlers(void) {
    struct sigaction *previous = sentag_previous_termination_actions();
    sigaction(SIGHUP, &previous[0], NULL);
    sigaction(SIGTERM, &previous[1], NULL);
}

/// Waits until `fd` can be read without blocking (1), or SIGHUP or SIGTERM has come (0; the bit
/// stays for sentag_take_signals), or select fails (-1). The signals are blocked except while
/// waiting, so one that comes just before the wait still ends it.
static inline int sentag_wait_readable(int fd) {
    sigset_t set, old;
    sentag_signal_set(&set);
    sigprocmask(SIG_BLOCK, &set, &old);
    int result;
    for (;;) {
        if (sentag_signal_bits & (SENTAG_SIGHUP | SENTAG_SIGTERM)) {
            result = 0;
            break;
        }
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(fd, &readable);
        sigset_t wait;
        sentag_wait_mask(&old, &wait);
        int ready = pselect(fd + 1, &readable, NULL, NULL, NULL, &wait);
        if (ready < 0) {
            if (errno == EINTR) continue;
            result = -1;
            break;
        }
        result = 1;
        break;
    }
    int saved = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return result;
}

/// Called from sentag_read_char, in the cooked terminal mode, when the screen must be drawn
/// again (a resize, or back from Ctrl-Z); libedit redraws its prompt and line afterwards.
typedef void (*sentag_redraw_fn)(EditLine *);
static sentag_redraw_fn sentag_redraw_callback = NULL;

static inline void sentag_set_redraw_callback(sentag_redraw_fn fn) {
    sentag_redraw_callback = fn;
}

static inline void sentag_redraw(EditLine *el, int resized) {
    if (resized) el_resize(el);
    el_set(el, EL_PREP_TERM, 0);
    if (sentag_redraw_callback) sentag_redraw_callback(el);
    el_set(el, EL_PREP_TERM, 1);
    el_set(el, EL_REFRESH);
}

/// libedit's character reader (EL_GETCFN), aware of the signal bits:
/// - SIGINT, SIGHUP, SIGTERM: returns -1 with errno EINTR, so el_gets returns NULL;
/// - SIGWINCH, SIGCONT: redraws the screen and the line, then keeps reading;
/// - SIGTSTP: puts the terminal back in cooked mode and stops; on `fg`, raw mode and a redraw.
/// Bytes are decoded as multibyte characters of the current locale (UTF-8), as libedit does.
static int sentag_read_char(EditLine *el, wchar_t *out) {
    FILE *input = NULL;
    el_get(el, EL_GETFP, 0, &input);
    int fd = input ? fileno(input) : STDIN_FILENO;
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    sigset_t set, old;
    sentag_signal_set(&set);
    sigprocmask(SIG_BLOCK, &set, &old);
    int result;
    for (;;) {
        int bits = sentag_signal_bits;
        if (bits & (SENTAG_SIGINT | SENTAG_SIGHUP | SENTAG_SIGTERM)) {
            *out = L'\0';
            errno = EINTR;
            result = -1;
            break;
        }
        if (bits & SENTAG_SIGTSTP) {
            sentag_signal_bits &= ~SENTAG_SIGTSTP;
            el_set(el, EL_PREP_TERM, 0);
            signal(SIGTSTP, SIG_DFL);
            sigset_t tstp;
            sigemptyset(&tstp);
            sigaddset(&tstp, SIGTSTP);
            sigprocmask(SIG_UNBLOCK, &tstp, NULL);
            raise(SIGTSTP);  // stops here until `fg`
            sigprocmask(SIG_BLOCK, &set, NULL);
            struct sigaction action;
            memset(&action, 0, sizeof action);
            action.sa_handler = sentag_signal_handler;
            sigemptyset(&action.sa_mask);
            sigaction(SIGTSTP, &action, NULL);
            el_set(el, EL_PREP_TERM, 1);
            sentag_signal_bits |= SENTAG_SIGCONT;
            continue;
        }
        if (bits & (SENTAG_SIGWINCH | SENTAG_SIGCONT)) {
            sentag_signal_bits &= ~(SENTAG_SIGWINCH | SENTAG_SIGCONT);
            sentag_redraw(el, 1);
            continue;
        }
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(fd, &readable);
        // Waits with the signals unblocked; a signal ends the wait and is seen at the top.
        sigset_t wait;
        sentag_wait_mask(&old, &wait);
        int ready = pselect(fd + 1, &readable, NULL, NULL, NULL, &wait);
        if (ready < 0) {
            if (errno == EINTR) continue;
            *out = L'\0';
            result = -1;
            break;
        }
        ssize_t n = read(fd, bytes + count, 1);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            *out = L'\0';
            result = -1;  // EIO: the terminal went away
            break;
        }
        if (n == 0) {
            *out = L'\0';
            result = 0;
            break;
        }
        count++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(out, bytes, count, &state);
        if (used == (size_t)-2) {
            if (count < sizeof bytes) continue;  // an incomplete character: read on
            count = 0;
            continue;
        }
        if (used == (size_t)-1) {
            count = 0;  // not a character in this locale: drop it
            continue;
        }
        result = 1;
        break;
    }
    int saved = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = saved;
    return result;
}

static inline int sentag_el_use_signal_aware_reader(EditLine *el) {
    return el_set(el, EL_GETCFN, sentag_read_char);
}

/// el_line(el): the text before the cursor, as a new C string the caller frees.
static inline char *sentag_el_text_before_cursor(EditLine *el) {
    const LineInfo *info = el_line(el);
    if (!info) return NULL;
    size_t length = (size_t)(info->cursor - info->buffer);
    char *text = malloc(length + 1);
    if (!text) return NULL;
    memcpy(text, info->buffer, length);
    text[length] = 0;
    return text;
}

/// Whether the line being edited has any text.
static inline int sentag_el_line_length(EditLine *el) {
    const LineInfo *info = el_line(el);
    return info ? (int)(info->lastchar - info->buffer) : 0;
}

#endif
