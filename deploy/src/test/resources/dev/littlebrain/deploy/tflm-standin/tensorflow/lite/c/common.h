/* Stand-in for TFLM's tensorflow/lite/c/common.h: only what the generated library touches. */
#ifndef STANDIN_TFLITE_C_COMMON_H
#define STANDIN_TFLITE_C_COMMON_H

#include <stddef.h>
#include <stdint.h>

typedef enum { kTfLiteOk = 0, kTfLiteError = 1 } TfLiteStatus;

typedef union {
    int8_t *int8;
    float *f;
    void *raw;
} TfLitePtrUnion;

typedef struct {
    TfLitePtrUnion data;
    size_t bytes;
} TfLiteTensor;

#endif
