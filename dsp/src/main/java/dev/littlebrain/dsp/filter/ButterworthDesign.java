package dev.littlebrain.dsp.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Digital Butterworth low/high-pass design with the same steps as
 * {@code scipy.signal.butter(order, wn, btype, output='sos')}: analog prototype poles, frequency
 * pre-warping with fs = 2, low-pass/high-pass transform, bilinear transform, then pairing into
 * second-order sections by {@link SosPairing} (scipy's {@code zpk2sos}, pairing 'nearest').
 * Following the same steps (not a closed form) keeps the coefficients within a few ulps of
 * scipy's, so after the float32 cast they are usually identical.
 */
public final class ButterworthDesign {

    private ButterworthDesign() {
    }

    /**
     * @param order filter order, >= 1
     * @param wn    cut-off as a fraction of Nyquist, in (0, 1)
     */
    public static SecondOrderSections design(int order, double wn, FilterType type) {
        if (order < 1) {
            throw new IllegalArgumentException("Butterworth order must be >= 1, got " + order);
        }
        if (!(wn > 0.0 && wn < 1.0)) {
            throw new IllegalArgumentException(
                    "Butterworth cut-off must be in (0, 1) as a fraction of Nyquist, got " + wn);
        }
        // Analog prototype (buttap): p = -exp(iπ m / 2N), m = -N+1, -N+3, ..., N-1; no zeros; k = 1.
        List<Complex> poles = new ArrayList<>(order);
        for (int m = -order + 1; m < order; m += 2) {
            double angle = Math.PI * m / (2.0 * order);
            poles.add(new Complex(-Math.cos(angle), -Math.sin(angle)));
        }
        List<Complex> zeros = new ArrayList<>();
        double gain = 1.0;

        double fs = 2.0;
        double warped = 2.0 * fs * Math.tan(Math.PI * wn / fs);

        if (type == FilterType.LOW_PASS) {
            // lp2lp_zpk: scale radially; relative degree = order (no finite zeros).
            List<Complex> scaled = new ArrayList<>(order);
            for (Complex p : poles) {
                scaled.add(p.times(warped));
            }
            poles = scaled;
            gain = Math.pow(warped, order);
        } else {
            // lp2hp_zpk: invert about the unit circle; zeros at infinity move to the origin.
            Complex prodNegP = Complex.ONE;
            List<Complex> inverted = new ArrayList<>(order);
            for (Complex p : poles) {
                inverted.add(Complex.real(warped).dividedBy(p));
                prodNegP = prodNegP.times(p.times(-1.0));
            }
            poles = inverted;
            for (int i = 0; i < order; i++) {
                zeros.add(Complex.ZERO);
            }
            gain = Complex.ONE.dividedBy(prodNegP).re();
        }

        // bilinear_zpk with fs = 2.
        double fs2 = 2.0 * fs;
        Complex fs2c = Complex.real(fs2);
        int degree = poles.size() - zeros.size();
        Complex prodZ = Complex.ONE;
        Complex prodP = Complex.ONE;
        List<Complex> digitalZeros = new ArrayList<>();
        for (Complex z : zeros) {
            digitalZeros.add(fs2c.plus(z).dividedBy(fs2c.minus(z)));
            prodZ = prodZ.times(fs2c.minus(z));
        }
        List<Complex> digitalPoles = new ArrayList<>();
        for (Complex p : poles) {
            digitalPoles.add(fs2c.plus(p).dividedBy(fs2c.minus(p)));
            prodP = prodP.times(fs2c.minus(p));
        }
        for (int i = 0; i < degree; i++) {
            digitalZeros.add(Complex.real(-1.0));
        }
        double digitalGain = gain * prodZ.dividedBy(prodP).re();
        return SosPairing.nearest(digitalZeros, digitalPoles, digitalGain);
    }
}
