/* Included into every unit of a per-operator profiling build of the Cortex-M4 harness (see main.c). */
void lb_op_done(int index);
#define LB_OP_DONE(index) lb_op_done(index)
