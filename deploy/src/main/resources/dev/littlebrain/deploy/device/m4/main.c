/*
 * LittleBrain Cortex-M4 test harness: runs lb_invoke on every example of inputs.bin (LB_INPUT_BYTES each),
 * writes the outputs to outputs.bin and the measurements to stats.txt, all through ARM semihosting.
 * The instruction count comes from SysTick on the CPU clock (25 MHz on mps2-an386); under QEMU's
 * -icount shift=0 one instruction takes 1 ns of virtual time, so one tick is LB_INSNS_PER_TICK instructions.
 */
#include <stdint.h>
#include "lb_model.h"

#define LB_INSNS_PER_TICK 40u

#define SYS_OPEN 0x01
#define SYS_CLOSE 0x02
#define SYS_WRITE 0x05
#define SYS_READ 0x06
#define SYS_EXIT 0x18

uint32_t lb_stack_high_water(void);
void lb_semihost_exit(int ok);
extern volatile uint32_t lb_systick_wraps;

/* Cost of the measurement itself (one ticks() pair), subtracted from every interval. */
static uint64_t empty = UINT64_MAX;

static unsigned char input[LB_INPUT_BYTES];
static unsigned char output[LB_OUTPUT_BYTES];

static int semihost(int op, void *arg) {
    register int r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void lb_semihost_exit(int ok) {
    /* ADP_Stopped_ApplicationExit (exit status 0) or ADP_Stopped_RunTimeErrorUnknown (status 1). */
    semihost(SYS_EXIT, (void *)(uintptr_t)(ok ? 0x20026u : 0x20023u));
}

static uint32_t length(const char *s) {
    uint32_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return n;
}

static int open_file(const char *name, int mode) {
    uint32_t args[3];
    args[0] = (uint32_t)(uintptr_t)name;
    args[1] = (uint32_t)mode;
    args[2] = length(name);
    return semihost(SYS_OPEN, args);
}

/* Returns the number of bytes NOT transferred, as semihosting does. */
static int transfer(int op, int fd, void *buf, uint32_t n) {
    uint32_t args[3];
    args[0] = (uint32_t)fd;
    args[1] = (uint32_t)(uintptr_t)buf;
    args[2] = n;
    return semihost(op, args);
}

static void close_file(int fd) {
    uint32_t args[1];
    args[0] = (uint32_t)fd;
    semihost(SYS_CLOSE, args);
}

static char *append(char *p, const char *s) {
    while (*s != '\0') {
        *p++ = *s++;
    }
    return p;
}

static char *append_u64(char *p, uint64_t v) {
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + (int)(v % 10u));
        v /= 10u;
    } while (v != 0u);
    while (n > 0) {
        *p++ = digits[--n];
    }
    return p;
}

static uint64_t ticks(void) {
    volatile uint32_t *const cvr = (volatile uint32_t *)0xE000E018u;
    uint32_t wraps, value;
    do {
        wraps = lb_systick_wraps;
        value = *cvr;
    } while (wraps != lb_systick_wraps);
    return ((uint64_t)wraps << 24) + (0xFFFFFFu - value);
}

#ifdef LB_PROFILE_OPS
/* Per-operator ticks, summed over all examples: the generated code calls lb_op_done after each operator. */
#define LB_MAX_OPS 512
static uint64_t op_ticks[LB_MAX_OPS];
static int op_count;
static uint64_t op_mark;

void lb_op_done(int index) {
    uint64_t now = ticks();
    if (index >= 0 && index < LB_MAX_OPS) {
        op_ticks[index] += now - op_mark - empty;
        op_count = index + 1 > op_count ? index + 1 : op_count;
    }
    op_mark = ticks();
}

/* ops.txt: one line "index instructions" per operator, per inference. */
static int write_op_profile(uint32_t examples) {
    static char text[LB_MAX_OPS * 32];
    char *p = text;
    int fd, i;
    for (i = 0; i < op_count; i++) {
        p = append_u64(p, (uint64_t)i);
        p = append(p, " ");
        p = append_u64(p, examples ? op_ticks[i] * LB_INSNS_PER_TICK / examples : 0u);
        p = append(p, "\n");
    }
    fd = open_file("ops.txt", 4);
    if (fd < 0 || transfer(SYS_WRITE, fd, text, (uint32_t)(p - text)) != 0) {
        return 4;
    }
    close_file(fd);
    return 0;
}
#endif

int main(void) {
    volatile uint32_t *const syst = (volatile uint32_t *)0xE000E010u;
    uint64_t total = 0, min = UINT64_MAX, max = 0, last = 0;
    uint32_t examples = 0;
    char stats[256];
    char *p = stats;
    int in, out, st, k;

    syst[1] = 0xFFFFFFu; /* RVR */
    syst[2] = 0u;        /* CVR */
    syst[0] = 7u;        /* CSR: enable, interrupt, processor clock */

    /* Cost of the measurement itself, subtracted from every inference. */
    for (k = 0; k < 4; k++) {
        uint64_t t0 = ticks();
        uint64_t t1 = ticks();
        if (t1 - t0 < empty) {
            empty = t1 - t0;
        }
    }

    in = open_file("inputs.bin", 1);   /* "rb" */
    out = open_file("outputs.bin", 5); /* "wb" */
    if (in < 0 || out < 0) {
        return 2;
    }
    for (;;) {
        uint64_t t0, t;
        int missing = transfer(SYS_READ, in, input, LB_INPUT_BYTES);
        if (missing == LB_INPUT_BYTES) {
            break;
        }
        if (missing != 0) {
            return 2;
        }
        t0 = ticks();
#ifdef LB_PROFILE_OPS
        op_mark = t0;
#endif
        if (lb_invoke(input, output) != 0) {
            return 3;
        }
        t = ticks() - t0 - empty;
        total += t;
        min = t < min ? t : min;
        max = t > max ? t : max;
        last = t;
        examples++;
        if (transfer(SYS_WRITE, out, output, LB_OUTPUT_BYTES) != 0) {
            return 4;
        }
    }
    close_file(in);
    close_file(out);

    p = append(p, "examples ");
    p = append_u64(p, examples);
    p = append(p, "\ninstructions_total ");
    p = append_u64(p, total * LB_INSNS_PER_TICK);
    p = append(p, "\ninstructions_min ");
    p = append_u64(p, examples ? min * LB_INSNS_PER_TICK : 0u);
    p = append(p, "\ninstructions_max ");
    p = append_u64(p, max * LB_INSNS_PER_TICK);
    p = append(p, "\ninstructions_last ");
    p = append_u64(p, last * LB_INSNS_PER_TICK);
    p = append(p, "\nstack_bytes ");
    p = append_u64(p, lb_stack_high_water());
    p = append(p, "\n");
    st = open_file("stats.txt", 4); /* "w" */
    if (st < 0 || transfer(SYS_WRITE, st, stats, (uint32_t)(p - stats)) != 0) {
        return 4;
    }
    close_file(st);
#ifdef LB_PROFILE_OPS
    return write_op_profile(examples);
#else
    return 0;
#endif
}
