/*
 * A fault-injection shim for hireterm's tests, loaded with LD_PRELOAD into
 * a real hireterm process (in the spirit of SQLite's I/O-error tests and
 * libfiu's POSIX preload library, but counting only calls on files under
 * one folder, so that a test can fail exactly the Nth write of the
 * database and no other).
 *
 * Environment:
 *   FAULT_PATH   only calls on paths under this prefix count
 *   FAULT_CALL   which calls: write (write, pwrite, writev), sync (fsync,
 *                fdatasync, sync_file_range), rename, open (open, openat,
 *                creat, mkdir)
 *   FAULT_NTH    fail the Nth counted call (1-based); 0 counts only
 *   FAULT_ERRNO  the error: EIO (default) or ENOSPC
 *   FAULT_STICKY 1: every counted call from the Nth on fails (a disk that
 *                stays broken or full), else only the Nth
 *   FAULT_REPORT a file the count of calls (and, when one failed, a line
 *                "failed") is appended to, for sizing a sweep
 *   FAULT_ARM    if set, calls count only once a file of this name exists:
 *                a long-running process (the server) is then failed in the
 *                write a test asks for, not while it starts
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static const char *fault_path;
static size_t fault_path_len;
static const char *fault_call;
static long fault_nth;
static int fault_errno = EIO;
static int fault_sticky;
static long counted;
static int failed;
static const char *arm_file;
static int armed;

__attribute__((constructor)) static void fault_init(void) {
    fault_path = getenv("FAULT_PATH");
    fault_path_len = fault_path ? strlen(fault_path) : 0;
    fault_call = getenv("FAULT_CALL");
    const char *nth = getenv("FAULT_NTH");
    fault_nth = nth ? atol(nth) : 0;
    const char *code = getenv("FAULT_ERRNO");
    if (code && strcmp(code, "ENOSPC") == 0) fault_errno = ENOSPC;
    const char *sticky = getenv("FAULT_STICKY");
    fault_sticky = sticky && strcmp(sticky, "1") == 0;
    arm_file = getenv("FAULT_ARM");
    armed = arm_file == NULL;
}

/* Whether calls count yet (see FAULT_ARM). */
static int is_armed(void) {
    if (!__atomic_load_n(&armed, __ATOMIC_SEQ_CST) && access(arm_file, F_OK) == 0)
        __atomic_store_n(&armed, 1, __ATOMIC_SEQ_CST);
    return __atomic_load_n(&armed, __ATOMIC_SEQ_CST);
}

__attribute__((destructor)) static void fault_report(void) {
    const char *report = getenv("FAULT_REPORT");
    if (!report) return;
    int (*real_open)(const char *, int, ...) = dlsym(RTLD_NEXT, "open64");
    ssize_t (*real_write)(int, const void *, size_t) = dlsym(RTLD_NEXT, "write");
    int fd = real_open(report, O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) return;
    char line[64];
    int n = snprintf(line, sizeof line, "%ld%s\n", __atomic_load_n(&counted, __ATOMIC_SEQ_CST),
                     failed ? " failed" : "");
    real_write(fd, line, (size_t)n);
    close(fd);
}

static int under_path(const char *path) {
    if (!fault_path || !path) return 0;
    char full[PATH_MAX];
    if (path[0] != '/') {
        if (!getcwd(full, sizeof full)) return 0;
        size_t len = strlen(full);
        snprintf(full + len, sizeof full - len, "/%s", path);
        path = full;
    }
    return strncmp(path, fault_path, fault_path_len) == 0;
}

static int fd_under_path(int fd) {
    if (!fault_path || fd < 3) return 0;
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return 0;
    target[n] = 0;
    return under_path(target);
}

/* Counts a call of `kind` on a counted path; true when it must fail. */
static int should_fail(const char *kind, int counts) {
    if (!counts || !fault_call || strcmp(fault_call, kind) != 0 || !is_armed()) return 0;
    long n = __atomic_add_fetch(&counted, 1, __ATOMIC_SEQ_CST);
    if (fault_nth <= 0) return 0;
    if (n == fault_nth || (fault_sticky && n > fault_nth)) {
        failed = 1;
        errno = fault_errno;
        return 1;
    }
    return 0;
}

/* The next definition of `fn` (libc's), of the same type as ours. */
#define REAL(fn) static __typeof__(&fn) real; if (!real) real = (__typeof__(&fn))dlsym(RTLD_NEXT, #fn)

ssize_t write(int fd, const void *buf, size_t count) {
    REAL(write);
    if (should_fail("write", fd_under_path(fd))) return -1;
    return real(fd, buf, count);
}

ssize_t pwrite64(int fd, const void *buf, size_t count, off_t offset) {
    REAL(pwrite64);
    if (should_fail("write", fd_under_path(fd))) return -1;
    return real(fd, buf, count, offset);
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) {
    return pwrite64(fd, buf, count, offset);
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) {
    REAL(writev);
    if (should_fail("write", fd_under_path(fd))) return -1;
    return real(fd, iov, iovcnt);
}

int fsync(int fd) {
    REAL(fsync);
    if (should_fail("sync", fd_under_path(fd))) return -1;
    return real(fd);
}

int fdatasync(int fd) {
    REAL(fdatasync);
    if (should_fail("sync", fd_under_path(fd))) return -1;
    return real(fd);
}

int sync_file_range(int fd, off_t offset, off_t nbytes, unsigned int flags) {
    REAL(sync_file_range);
    if (should_fail("sync", fd_under_path(fd))) return -1;
    return real(fd, offset, nbytes, flags);
}

int rename(const char *from, const char *to) {
    REAL(rename);
    if (should_fail("rename", under_path(from) || under_path(to))) return -1;
    return real(from, to);
}

int renameat(int dirfd, const char *from, int todirfd, const char *to) {
    REAL(renameat);
    if (should_fail("rename", under_path(from) || under_path(to))) return -1;
    return real(dirfd, from, todirfd, to);
}

int renameat2(int dirfd, const char *from, int todirfd, const char *to, unsigned int flags) {
    REAL(renameat2);
    if (should_fail("rename", under_path(from) || under_path(to))) return -1;
    return real(dirfd, from, todirfd, to, flags);
}

static mode_t mode_arg(int flags, va_list args) {
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(args, int) : 0;
}

int open64(const char *path, int flags, ...) {
    REAL(open64);
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_arg(flags, args);
    va_end(args);
    if (should_fail("open", under_path(path))) return -1;
    return real(path, flags, mode);
}

int open(const char *path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_arg(flags, args);
    va_end(args);
    return open64(path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...) {
    REAL(openat64);
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_arg(flags, args);
    va_end(args);
    if (should_fail("open", under_path(path))) return -1;
    return real(dirfd, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...) {
    va_list args;
    va_start(args, flags);
    mode_t mode = mode_arg(flags, args);
    va_end(args);
    return openat64(dirfd, path, flags, mode);
}

int mkdir(const char *path, mode_t mode) {
    REAL(mkdir);
    if (should_fail("open", under_path(path))) return -1;
    return real(path, mode);
}
