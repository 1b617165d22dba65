/* Stand-in for TFLM's MicroInterpreter: TFLM's constructor and methods; Invoke runs LittleBrain's
 * standalone C for the same model (lb_reference_invoke), one input and one output tensor holding all bytes.
 * STANDIN_MIN_ARENA is the arena TFLM needs on the build machine (the test passes the 64-bit estimate). */
#ifndef STANDIN_MICRO_INTERPRETER_H
#define STANDIN_MICRO_INTERPRETER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tensorflow/lite/c/common.h"
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"
#include "tensorflow/lite/schema/schema_generated.h"

extern "C" int lb_reference_invoke(const void *input, void *output);

namespace tflite {

class MicroInterpreter {
 public:
    MicroInterpreter(const Model *model, const MicroOpResolver &resolver, uint8_t *arena, size_t arena_size)
        : model_(model), resolver_(resolver), arena_(arena), arena_size_(arena_size) {}

    TfLiteStatus AllocateTensors() {
        // Like TFLM's MicroAllocator: after a failed allocation the same interpreter cannot start another.
        if (allocating_) {
            fprintf(stderr, "MicroAllocator: Model allocation started before finishing previously allocated model\n");
            return kTfLiteError;
        }
        allocating_ = true;
        if (model_ == nullptr || resolver_.registered() == 0) {
            return kTfLiteError;
        }
        if (arena_size_ < STANDIN_MIN_ARENA) {
            fprintf(stderr, "Failed to allocate memory: arena of %zu bytes, %d needed\n", arena_size_,
                    STANDIN_MIN_ARENA);
            return kTfLiteError;
        }
        allocating_ = false;
        input_.data.raw = arena_;
        input_.bytes = STANDIN_INPUT_BYTES;
        output_.data.raw = arena_ + STANDIN_INPUT_BYTES;
        output_.bytes = STANDIN_OUTPUT_BYTES;
        used_ = STANDIN_MIN_ARENA;
        return kTfLiteOk;
    }

    TfLiteStatus Invoke() {
        return lb_reference_invoke(input_.data.raw, output_.data.raw) == 0 ? kTfLiteOk : kTfLiteError;
    }

    TfLiteTensor *input(size_t index) { return index == 0 ? &input_ : nullptr; }
    TfLiteTensor *output(size_t index) { return index == 0 ? &output_ : nullptr; }
    size_t inputs_size() const { return 1; }
    size_t outputs_size() const { return 1; }
    size_t arena_used_bytes() const { return used_; }

 private:
    const Model *model_;
    const MicroOpResolver &resolver_;
    uint8_t *arena_;
    size_t arena_size_;
    TfLiteTensor input_ = {};
    TfLiteTensor output_ = {};
    size_t used_ = 0;
    bool allocating_ = false;
};

}  // namespace tflite

#endif
