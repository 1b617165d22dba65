package dev.littlebrain.dsp.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups digital zeros and poles into second-order sections exactly the way
 * {@code scipy.signal.zpk2sos(z, p, k, pairing='nearest')} does, because the section order and
 * pole/zero pairing change the float32 rounding of {@code sosfilt}'s output:
 * <ol>
 * <li>pad poles/zeros to equal, even counts with values at the origin;</li>
 * <li>keep one member of each conjugate pair ({@code _cplxreal}: complex sorted by real part,
 *     then reals sorted), treating |im| <= 100·eps·|z| as real;</li>
 * <li>repeatedly take the pole closest to the unit circle, pair it with its conjugate (or the
 *     next real pole closest to the circle) and the nearest zero(s), filling sections from the
 *     last one backwards so the poles nearest the circle come last;</li>
 * <li>multiply the first section's numerator by the gain.</li>
 * </ol>
 */
final class SosPairing {
    private static final double TOLERANCE = 100 * Math.ulp(1.0);

    private SosPairing() {
    }

    static SecondOrderSections nearest(List<Complex> zerosIn, List<Complex> polesIn, double gain) {
        List<Complex> z = new ArrayList<>(zerosIn);
        List<Complex> p = new ArrayList<>(polesIn);
        if (z.isEmpty() && p.isEmpty()) {
            return new SecondOrderSections(new double[][] {{gain, 0, 0, 1, 0, 0}});
        }
        while (p.size() < z.size()) {
            p.add(Complex.ZERO);
        }
        while (z.size() < p.size()) {
            z.add(Complex.ZERO);
        }
        int sections = (p.size() + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(Complex.ZERO);
            z.add(Complex.ZERO);
        }
        z = conjugateRepresentatives(z);
        p = conjugateRepresentatives(p);

        double[][] sos = new double[sections][];
        for (int si = sections - 1; si >= 0; si--) {
            int p1Index = indexClosestToUnitCircle(p, false);
            Complex p1 = p.remove(p1Index);
            if (p1.isReal() && countReal(p) == 0) {
                // Last remaining real pole: pair with the nearest real zero, pad both with the origin.
                Complex z1 = z.remove(nearestIndex(z, p1, Which.REAL));
                sos[si] = section(List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (p.size() + 1 == z.size() && !p1.isReal() && countReal(p) == 1
                    && countReal(z) == 1) {
                // One real pole and one real zero left: this complex pole must take a complex zero.
                Complex z1 = z.remove(nearestIndex(z, p1, Which.COMPLEX));
                sos[si] = section(List.of(z1, z1.conj()), List.of(p1, p1.conj()));
            } else {
                Complex p2;
                if (p1.isReal()) {
                    p2 = p.remove(indexClosestToUnitCircle(p, true));
                } else {
                    p2 = p1.conj();
                }
                if (!z.isEmpty()) {
                    Complex z1 = z.remove(nearestIndex(z, p1, Which.ANY));
                    if (!z1.isReal()) {
                        sos[si] = section(List.of(z1, z1.conj()), List.of(p1, p2));
                    } else if (!z.isEmpty()) {
                        Complex z2 = z.remove(nearestIndex(z, p1, Which.REAL));
                        sos[si] = section(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        sos[si] = section(List.of(z1), List.of(p1, p2));
                    }
                } else {
                    sos[si] = section(List.of(), List.of(p1, p2));
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            sos[0][i] *= gain;
        }
        return new SecondOrderSections(sos);
    }

    private enum Which { REAL, COMPLEX, ANY }

    /** scipy's _cplxreal followed by concatenation: complex representatives (im > 0) first, then reals. */
    private static List<Complex> conjugateRepresentatives(List<Complex> values) {
        List<Complex> reals = new ArrayList<>();
        List<Complex> positive = new ArrayList<>();
        List<Complex> negative = new ArrayList<>();
        for (Complex v : values) {
            if (Math.abs(v.im()) <= TOLERANCE * v.abs()) {
                reals.add(Complex.real(v.re()));
            } else if (v.im() > 0) {
                positive.add(v);
            } else {
                negative.add(v);
            }
        }
        if (positive.size() != negative.size()) {
            throw new IllegalArgumentException("complex value without conjugate in " + values);
        }
        Comparator<Complex> byRealThenAbsImag =
                Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im()));
        reals.sort(byRealThenAbsImag);
        positive.sort(byRealThenAbsImag);
        negative.sort(byRealThenAbsImag);
        List<Complex> out = new ArrayList<>(values.size() / 2 + reals.size());
        for (int i = 0; i < positive.size(); i++) {
            Complex a = positive.get(i);
            Complex b = negative.get(i).conj();
            out.add(new Complex((a.re() + b.re()) / 2, (a.im() + b.im()) / 2));
        }
        out.addAll(reals);
        return out;
    }

    /** argmin |1 - |p||, first index on ties (numpy.argmin); optionally over real values only. */
    private static int indexClosestToUnitCircle(List<Complex> p, boolean realOnly) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            if (realOnly && !p.get(i).isReal()) {
                continue;
            }
            double d = Math.abs(1.0 - p.get(i).abs());
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no pole left to pair");
        }
        return best;
    }

    /** _nearest_real_complex_idx: nearest by |z - to| (stable order on ties), filtered by kind. */
    private static int nearestIndex(List<Complex> z, Complex to, Which which) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < z.size(); i++) {
            Complex c = z.get(i);
            if ((which == Which.REAL && !c.isReal()) || (which == Which.COMPLEX && c.isReal())) {
                continue;
            }
            double d = c.minus(to).abs();
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no zero of the required kind left to pair");
        }
        return best;
    }

    private static int countReal(List<Complex> values) {
        int n = 0;
        for (Complex c : values) {
            if (c.isReal()) {
                n++;
            }
        }
        return n;
    }

    /** _single_zpksos: polynomial coefficients right-aligned in [b0 b1 b2 | a0 a1 a2]. */
    private static double[] section(List<Complex> zeros, List<Complex> poles) {
        double[] row = new double[6];
        double[] b = realPolynomial(zeros);
        double[] a = realPolynomial(poles);
        System.arraycopy(b, 0, row, 3 - b.length, b.length);
        System.arraycopy(a, 0, row, 6 - a.length, a.length);
        return row;
    }

    /** numpy.poly: coefficients of prod (x - r), highest power first, real part kept. */
    private static double[] realPolynomial(List<Complex> roots) {
        Complex[] c = new Complex[roots.size() + 1];
        c[0] = Complex.ONE;
        for (int i = 1; i < c.length; i++) {
            c[i] = Complex.ZERO;
        }
        for (int r = 0; r < roots.size(); r++) {
            Complex root = roots.get(r);
            for (int i = r + 1; i >= 1; i--) {
                c[i] = c[i].minus(c[i - 1].times(root));
            }
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i].re();
        }
        return out;
    }
}
