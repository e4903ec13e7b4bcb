/* The C ABI from C: route a case through a jusou engine and print the answer (compact JSON) on
 * standard output, after checking the boundary's contract (null pointers, invalid UTF-8, bad
 * engine arguments, every string freed). `make ffi-test` compares the answer with the CLI's.
 *
 * usage: route_case CASE.json [MUNICIPALITY.json|-] [AS_OF]
 * exit: 0 answered, 1 a contract check failed, 2 usage or I/O error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jusou.h"

static int failures = 0;

static void expect(int ok, const char *what) {
    if (!ok) {
        fprintf(stderr, "route_case: FAILED: %s\n", what);
        failures++;
    }
}

/* The whole file as a NUL-terminated string, or NULL. */
static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) { free(buf); buf = NULL; break; }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) buf[len] = '\0';
    return buf;
}

/* The boundary's contract: each misuse is a JSON error with its own code, never a crash. */
static void check_contract(void) {
    char *err = NULL;
    JusouEngine *plain = jusou_engine_new(NULL, NULL, &err);
    expect(plain != NULL && err == NULL, "an engine with no municipality and no date");

    char *out = jusou_engine_call(NULL, "route", "{}");
    expect(out && strstr(out, "\"JUSOU-E-FFI-001\""), "a null engine is JUSOU-E-FFI-001");
    jusou_string_free(out);

    out = jusou_engine_call(plain, NULL, "{}");
    expect(out && strstr(out, "\"JUSOU-E-FFI-001\""), "a null operation is JUSOU-E-FFI-001");
    jusou_string_free(out);

    out = jusou_engine_call(plain, "route", "{\"id\": \"\xff\"}");
    expect(out && strstr(out, "\"JUSOU-E-FFI-002\""), "input that is not UTF-8 is JUSOU-E-FFI-002");
    jusou_string_free(out);

    out = jusou_engine_call(plain, "route", "{\"id\": ");
    expect(out && strstr(out, "\"JUSOU-E-JSON-001\""), "truncated JSON is jusou's syntax error");
    jusou_string_free(out);

    out = jusou_engine_call(plain, "no_such_op", "null");
    expect(out && strstr(out, "\"JUSOU-E-API-001\""), "an unknown operation is JUSOU-E-API-001");
    jusou_string_free(out);

    out = jusou_engine_call(plain, "taxonomy", "null");
    expect(out && out[0] == '[' && strstr(out, "\"errors\"") == NULL, "taxonomy answers a list");
    jusou_string_free(out);

    JusouEngine *bad = jusou_engine_new("{\"code\": \"12\"}", NULL, &err);
    expect(bad == NULL && err && strstr(err, "\"errors\""), "a bad municipality is refused with errors");
    jusou_string_free(err);
    err = NULL;

    bad = jusou_engine_new(NULL, "令和元年4月1日", &err);
    expect(bad == NULL && err && strstr(err, "\"JUSOU-E-DATE-003\"") && strstr(err, "/as_of"),
           "a date before 令和 is refused at /as_of");
    jusou_string_free(err);

    expect(jusou_engine_new(NULL, "no date", NULL) == NULL, "err may be NULL");
    expect(strlen(jusou_version()) > 0, "a version");
    jusou_string_free(NULL);
    jusou_engine_free(NULL);
    jusou_engine_free(plain);
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: %s CASE.json [MUNICIPALITY.json|-] [AS_OF]\n", argv[0]);
        return 2;
    }
    check_contract();

    char *cas = slurp(argv[1]);
    char *muni = NULL;
    if (argc > 2 && strcmp(argv[2], "-") != 0) muni = slurp(argv[2]);
    if (!cas || (argc > 2 && strcmp(argv[2], "-") != 0 && !muni)) {
        fprintf(stderr, "route_case: cannot read the input files\n");
        return 2;
    }
    char *err = NULL;
    JusouEngine *engine = jusou_engine_new(muni, argc > 3 ? argv[3] : NULL, &err);
    if (!engine) {
        fprintf(stderr, "route_case: engine refused: %s\n", err ? err : "(no message)");
        jusou_string_free(err);
        return 1;
    }
    char *out = jusou_engine_call(engine, "route", cas);
    printf("%s\n", out);
    jusou_string_free(out);
    jusou_engine_free(engine);
    free(cas);
    free(muni);
    return failures ? 1 : 0;
}
