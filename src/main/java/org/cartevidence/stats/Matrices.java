package org.cartevidence.stats;

import org.ejml.data.DMatrixRMaj;

/** Conversions between EJML matrices and the arrays the stats records hold. */
final class Matrices {

    private Matrices() {
    }

    static double[][] toArray(DMatrixRMaj m) {
        double[][] a = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                a[r][c] = m.get(r, c);
            }
        }
        return a;
    }
}
