package dev.littlebrain.deploy.tflm;

/**
 * {@code sizeof} and {@code alignof} of a C struct on a target with natural alignment (every field aligned to
 * its own size, the struct padded to its widest field), as GCC lays them out for Arm EABI and x86-64.
 */
final class CLayout {
    private final int pointerBytes;
    private int size;
    private int align = 1;

    private CLayout(int pointerBytes) {
        this.pointerBytes = pointerBytes;
    }

    static CLayout struct(int pointerBytes) {
        return new CLayout(pointerBytes);
    }

    /** A field of {@code bytes} bytes aligned to {@code alignment}. */
    CLayout field(int bytes, int alignment) {
        size = alignUp(size, alignment) + bytes;
        align = Math.max(align, alignment);
        return this;
    }

    CLayout pointers(int count) {
        for (int i = 0; i < count; i++) {
            field(pointerBytes, pointerBytes);
        }
        return this;
    }

    /** {@code size_t} / {@code intptr_t}: pointer-sized. */
    CLayout sizeT() {
        return pointers(1);
    }

    /** {@code int}, {@code int32_t}, {@code float}, or an enum. */
    CLayout ints(int count) {
        for (int i = 0; i < count; i++) {
            field(4, 4);
        }
        return this;
    }

    CLayout bool() {
        return field(1, 1);
    }

    CLayout doubleField() {
        return field(8, 8);
    }

    CLayout nested(CLayout inner) {
        return field(inner.size(), inner.alignment());
    }

    int size() {
        return alignUp(size, align);
    }

    int alignment() {
        return align;
    }

    static int alignUp(int value, int alignment) {
        return (value + alignment - 1) / alignment * alignment;
    }
}
