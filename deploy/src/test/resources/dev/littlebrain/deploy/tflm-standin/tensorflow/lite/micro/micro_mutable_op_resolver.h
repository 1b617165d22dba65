/* Stand-in for TFLM's MicroMutableOpResolver: TFLM's Add*() names; capacity enforced; additions recorded. */
#ifndef STANDIN_MICRO_MUTABLE_OP_RESOLVER_H
#define STANDIN_MICRO_MUTABLE_OP_RESOLVER_H

#include <stdio.h>
#include <string.h>

#include "tensorflow/lite/c/common.h"

namespace tflite {

class MicroOpResolver {
 public:
    virtual ~MicroOpResolver() = default;
    virtual unsigned int registered() const = 0;
};

template <unsigned int tOpCount>
class MicroMutableOpResolver : public MicroOpResolver {
 public:
    TfLiteStatus AddAdd() { return Register("AddAdd"); }
    TfLiteStatus AddAveragePool2D() { return Register("AddAveragePool2D"); }
    TfLiteStatus AddConcatenation() { return Register("AddConcatenation"); }
    TfLiteStatus AddConv2D() { return Register("AddConv2D"); }
    TfLiteStatus AddDepthwiseConv2D() { return Register("AddDepthwiseConv2D"); }
    TfLiteStatus AddDequantize() { return Register("AddDequantize"); }
    TfLiteStatus AddExpandDims() { return Register("AddExpandDims"); }
    TfLiteStatus AddFullyConnected() { return Register("AddFullyConnected"); }
    TfLiteStatus AddLeakyRelu() { return Register("AddLeakyRelu"); }
    TfLiteStatus AddLogistic() { return Register("AddLogistic"); }
    TfLiteStatus AddMaxPool2D() { return Register("AddMaxPool2D"); }
    TfLiteStatus AddMean() { return Register("AddMean"); }
    TfLiteStatus AddMul() { return Register("AddMul"); }
    TfLiteStatus AddPack() { return Register("AddPack"); }
    TfLiteStatus AddPad() { return Register("AddPad"); }
    TfLiteStatus AddPadV2() { return Register("AddPadV2"); }
    TfLiteStatus AddQuantize() { return Register("AddQuantize"); }
    TfLiteStatus AddRelu() { return Register("AddRelu"); }
    TfLiteStatus AddRelu6() { return Register("AddRelu6"); }
    TfLiteStatus AddReshape() { return Register("AddReshape"); }
    TfLiteStatus AddShape() { return Register("AddShape"); }
    TfLiteStatus AddSoftmax() { return Register("AddSoftmax"); }
    TfLiteStatus AddSqueeze() { return Register("AddSqueeze"); }
    TfLiteStatus AddStridedSlice() { return Register("AddStridedSlice"); }
    TfLiteStatus AddSub() { return Register("AddSub"); }
    TfLiteStatus AddTanh() { return Register("AddTanh"); }
    TfLiteStatus AddTranspose() { return Register("AddTranspose"); }

    unsigned int registered() const override { return count_; }

 private:
    // Like TFLM: a second registration of the same op, or one past the capacity, is an error.
    TfLiteStatus Register(const char *name) {
        for (unsigned int i = 0; i < count_; i++) {
            if (strcmp(names_[i], name) == 0) {
                fprintf(stderr, "Calling AddBuiltin with the same op more than once is not supported (%s).\n", name);
                return kTfLiteError;
            }
        }
        if (count_ >= tOpCount) {
            return kTfLiteError;
        }
        names_[count_++] = name;
        fprintf(stderr, "registered %s\n", name);
        return kTfLiteOk;
    }

    const char *names_[tOpCount > 0 ? tOpCount : 1] = {};
    unsigned int count_ = 0;
};

}  // namespace tflite

#endif
