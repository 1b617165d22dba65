/*
 * LittleBrain Cortex-M4 test harness: minimal startup for QEMU mps2-an386.
 * Vector table, reset handler (copy .data, zero .bss, paint the stack, enable the FPU), SysTick counter.
 */
#include <stdint.h>

extern uint32_t lb_data_start[], lb_data_end[], lb_data_load[];
extern uint32_t lb_bss_start[], lb_bss_end[];
extern uint32_t lb_stack_limit[], lb_stack_top[];

int main(void);
void lb_reset_handler(void);
void lb_fault_handler(void);
void lb_systick_handler(void);
void lb_semihost_exit(int ok);

#define LB_STACK_PAINT 0xA5A5A5A5u

volatile uint32_t lb_systick_wraps;

__attribute__((section(".vectors"), used))
static void (*const lb_vectors[16 + 32])(void) = {
    (void (*)(void))(uintptr_t)lb_stack_top,
    lb_reset_handler,
    lb_fault_handler, /* NMI */
    lb_fault_handler, /* HardFault */
    lb_fault_handler, /* MemManage */
    lb_fault_handler, /* BusFault */
    lb_fault_handler, /* UsageFault */
    0, 0, 0, 0,
    lb_fault_handler, /* SVCall */
    lb_fault_handler, /* DebugMonitor */
    0,
    lb_fault_handler, /* PendSV */
    lb_systick_handler,
};

void lb_fault_handler(void) {
    lb_semihost_exit(0);
    for (;;) {
    }
}

void lb_systick_handler(void) {
    lb_systick_wraps++;
}

void lb_reset_handler(void) {
    uint32_t *src = lb_data_load;
    uint32_t *dst = lb_data_start;
    uint32_t *p;
    uint32_t sp;

    /* CPACR: full access to CP10/CP11 (the FPU) before any floating-point instruction. */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");

    while (dst < lb_data_end) {
        *dst++ = *src++;
    }
    for (p = lb_bss_start; p < lb_bss_end; p++) {
        *p = 0;
    }
    /* Paint the unused stack (below this frame, with a margin) to measure the high-water mark later. */
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (p = lb_stack_limit; (uintptr_t)p < sp - 64u; p++) {
        *(volatile uint32_t *)p = LB_STACK_PAINT;
    }
    lb_semihost_exit(main() == 0);
    for (;;) {
    }
}

/* Bytes of stack ever used: from the top down to the deepest word that lost its paint. */
uint32_t lb_stack_high_water(void) {
    const uint32_t *p = lb_stack_limit;
    while (p < lb_stack_top && *p == LB_STACK_PAINT) {
        p++;
    }
    return (uint32_t)((uintptr_t)lb_stack_top - (uintptr_t)p);
}
