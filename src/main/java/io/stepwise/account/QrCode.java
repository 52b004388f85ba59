package io.stepwise.account;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A QR code drawn as one SVG path, made on the server: no script, no image request, and
 * nothing the page's Content-Security-Policy would refuse.
 *
 * @param size modules per side, without the quiet zone
 * @param path the SVG path of the dark modules, one rectangle per run in a row
 */
record QrCode(int size, String path) {

	/** The light margin scanners need around the code, in modules. */
	static final int QUIET_ZONE = 4;

	static QrCode of(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Too long for a QR code", ex);
		}
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			int x = 0;
			while (x < matrix.getWidth()) {
				if (!matrix.get(x, y)) {
					x++;
					continue;
				}
				int start = x;
				while (x < matrix.getWidth() && matrix.get(x, y)) {
					x++;
				}
				path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE);
				path.append('h').append(x - start).append("v1h-").append(x - start).append('z');
			}
		}
		return new QrCode(matrix.getWidth(), path.toString());
	}

	/** The SVG's viewBox: the code with its quiet zone. */
	public String viewBox() {
		return "0 0 " + outer() + " " + outer();
	}

	public int outer() {
		return this.size + 2 * QUIET_ZONE;
	}

}
