"""Independent reference values for the suite's Daubechies-4 transform (specs/proposed.md §1.3 step 4).

numpy only (no pywt): the db4 filters come from Daubechies' closed-form construction, and the multi-level
DWT/IDWT is written with numpy's padding and convolution, following pywt's documented rules:
  * one level: pad by F-1 on both sides in the boundary mode, full-length 'valid' convolution with dec_lo /
    dec_hi, keep every second value starting at index 1, so a length-n signal gives floor((n + F - 1) / 2)
    coefficients (pywt.dwt_coeff_len);
  * inverse: upsample (coefficient k at 2k), convolve with rec_lo / rec_hi, keep 2n - F + 2 values starting
    at F - 2 (pywt.idwt, non-periodization modes);
  * wavedec with [cA_L, cD_L, ..., cD_1]; waverec crops an approximation one longer than the next detail.

Run:  python3 proposed/src/test/python/db4_reference.py > proposed/src/test/resources/kat/db4_wavedec.csv
      python3 proposed/src/test/python/db4_reference.py --check-pywt   (where pywt is installed)
"""
import math
import sys

import numpy as np

F = 8

# numpy.pad mode for each of the suite's boundary modes (pywt's names).
PAD_MODE = {"symmetric": "symmetric", "reflect": "reflect", "zero": "constant", "constant": "edge",
            "periodic": "wrap"}


def db4_rec_lo():
    """Daubechies' extremal-phase scaling filter with 4 vanishing moments (Ten Lectures on Wavelets, 1992, §6.1).

    |m0(w)|^2 = cos^{2N}(w/2) P(sin^2(w/2)), P(y) = sum_{k<N} C(N-1+k, k) y^k; each root y_r of P gives the
    z-pair of z^2 - (2 - 4 y_r) z + 1 = 0, of which the one inside the unit circle is kept.
    """
    n = 4
    p = [math.comb(n - 1 + k, k) for k in range(n)]  # ascending powers of y
    y_roots = np.roots(p[::-1])
    z_roots = []
    for y in y_roots:
        pair = np.roots([1.0, -(2.0 - 4.0 * y), 1.0])
        z_roots.append(pair[np.argmin(np.abs(pair))])
    h = np.real(np.poly(np.concatenate([-np.ones(n), np.array(z_roots)])))
    h = h * (math.sqrt(2.0) / h.sum())
    if abs(h[0]) < abs(h[-1]):
        h = h[::-1]
    return h  # h[0] = 0.2303..., pywt's rec_lo


REC_LO = db4_rec_lo()
DEC_LO = REC_LO[::-1].copy()
REC_HI = np.array([(-1) ** k * DEC_LO[k] for k in range(F)])  # pywt: rec_hi[k] = (-1)^k dec_lo[k]
DEC_HI = REC_HI[::-1].copy()


def dwt(x, mode):
    xp = np.pad(x, F - 1, mode=PAD_MODE[mode]) if mode != "zero" else np.pad(x, F - 1)
    ca = np.convolve(xp, DEC_LO, mode="valid")[1::2]
    cd = np.convolve(xp, DEC_HI, mode="valid")[1::2]
    assert len(ca) == (len(x) + F - 1) // 2
    return ca, cd


def idwt(ca, cd):
    n = len(ca)
    up_a = np.zeros(2 * n - 1)
    up_d = np.zeros(2 * n - 1)
    up_a[::2] = ca
    up_d[::2] = cd
    full = np.convolve(up_a, REC_LO) + np.convolve(up_d, REC_HI)
    return full[F - 2:F - 2 + 2 * n - F + 2]


def wavedec(x, levels, mode):
    out = []
    a = np.asarray(x, dtype=np.float64)
    for _ in range(levels):
        a, d = dwt(a, mode)
        out.append(d)
    return [a] + out[::-1]


def waverec(coeffs):
    a = coeffs[0]
    for d in coeffs[1:]:
        if len(a) == len(d) + 1:
            a = a[:len(d)]
        a = idwt(a, d)
    return a


def signal(n, case):
    k = np.arange(n, dtype=np.float64)
    return np.sin(0.7 * k + case) + 0.05 * ((k * (case + 3)) % 7) - 0.1 * case


CASES = [  # (signal length, levels, mode)
    (13, 3, "symmetric"), (50, 1, "symmetric"), (50, 2, "symmetric"), (6, 2, "symmetric"),
    (11, 2, "zero"), (11, 2, "reflect"), (11, 2, "constant"), (11, 2, "periodic"),
]


def main():
    version = f"numpy {np.__version__}"
    command = "python3 proposed/src/test/python/db4_reference.py"
    print("case,length,levels,mode,band,index,value,source,command,version")
    for i, h in enumerate(DEC_LO):
        print(f"filter,8,0,none,dec_lo,{i},{float(h)!r},Daubechies closed form (db4_rec_lo),{command},{version}")
    for c, (n, levels, mode) in enumerate(CASES):
        x = signal(n, c)
        coeffs = wavedec(x, levels, mode)
        rec = waverec(coeffs)[:n]
        assert np.max(np.abs(rec - x)) < 1e-12, (n, levels, mode)
        names = ["input"] + ["cA%d" % levels] + ["cD%d" % l for l in range(levels, 0, -1)]
        for name, arr in zip(names, [x] + coeffs):
            for i, v in enumerate(arr):
                print(f"{c},{n},{levels},{mode},{name},{i},{float(v)!r},numpy wavedec (pywt rules),{command},{version}")


def check_pywt():
    import pywt  # Debian python3-pywt; not needed by the tests
    w = pywt.Wavelet("db4")
    assert np.allclose(w.dec_lo, DEC_LO, atol=1e-14, rtol=0), (w.dec_lo, DEC_LO)
    assert np.allclose(w.dec_hi, DEC_HI, atol=1e-14, rtol=0)
    assert np.allclose(w.rec_lo, REC_LO, atol=1e-14, rtol=0)
    assert np.allclose(w.rec_hi, REC_HI, atol=1e-14, rtol=0)
    worst = 0.0
    for c, (n, levels, mode) in enumerate(CASES):
        x = signal(n, c)
        mine = wavedec(x, levels, mode)
        theirs = pywt.wavedec(x, "db4", mode=mode if mode != "constant" else "constant", level=levels)
        for a, b in zip(mine, theirs):
            assert len(a) == len(b), (n, levels, mode, len(a), len(b))
            worst = max(worst, float(np.max(np.abs(a - b))))
        rec = pywt.waverec(theirs, "db4", mode=mode)[:n]
        worst = max(worst, float(np.max(np.abs(waverec(mine)[:n] - rec))))
    print(f"pywt {pywt.__version__}, numpy {np.__version__}: max |numpy reference - pywt| = {worst:.3e}")


if __name__ == "__main__":
    if "--check-pywt" in sys.argv:
        check_pywt()
    else:
        main()
