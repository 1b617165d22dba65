package dev.littlebrain.dsp.filter;

/** Minimal immutable complex number for filter design (not used on the per-sample path). */
record Complex(double re, double im) {
    static final Complex ZERO = new Complex(0.0, 0.0);
    static final Complex ONE = new Complex(1.0, 0.0);

    static Complex real(double re) {
        return new Complex(re, 0.0);
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    /** Complex division with the plain formula, as numpy's complex128 division is close enough here. */
    Complex dividedBy(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    Complex conj() {
        return new Complex(re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    /** numpy.isreal: exactly zero imaginary part. */
    boolean isReal() {
        return im == 0.0;
    }
}
