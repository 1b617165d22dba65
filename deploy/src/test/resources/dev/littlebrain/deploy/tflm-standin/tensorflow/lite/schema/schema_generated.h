/* Stand-in for TFLM's schema header: tflite::Model with version(), read from the flatbuffer itself. */
#ifndef STANDIN_TFLITE_SCHEMA_GENERATED_H
#define STANDIN_TFLITE_SCHEMA_GENERATED_H

#include <stdint.h>
#include <string.h>

#define TFLITE_SCHEMA_VERSION (3)

namespace tflite {

class Model {
 public:
    explicit Model(const uint8_t *buffer) : buffer_(buffer) {}

    // Field 0 of the root table (Model.version), found through the table's vtable.
    uint32_t version() const {
        uint32_t table = read32(0);
        int32_t vtable_back;
        memcpy(&vtable_back, buffer_ + table, 4);
        const uint8_t *vtable = buffer_ + table - vtable_back;
        uint16_t vtable_size;
        memcpy(&vtable_size, vtable, 2);
        if (vtable_size < 6) {
            return 0;
        }
        uint16_t field;
        memcpy(&field, vtable + 4, 2);
        return field == 0 ? 0 : read32(table + field);
    }

    const uint8_t *buffer() const { return buffer_; }

 private:
    uint32_t read32(uint32_t at) const {
        uint32_t v;
        memcpy(&v, buffer_ + at, 4);
        return v;
    }

    const uint8_t *buffer_;
};

inline const Model *GetModel(const void *buffer) {
    static Model model(static_cast<const uint8_t *>(buffer));
    return &model;
}

}  // namespace tflite

#endif
