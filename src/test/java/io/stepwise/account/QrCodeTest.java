package io.stepwise.account;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SVG path of a QR code, drawn back into pixels, is read by a QR decoder as the text
 * it was made from: what a phone's camera would do with the page.
 */
class QrCodeTest {

	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

	@Test
	void thePathReadsBackAsTheText() throws Exception {
		String uri = "otpauth://totp/Stepwise:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Stepwise";
		QrCode code = QrCode.of(uri);
		assertThat(code.viewBox()).isEqualTo("0 0 " + code.outer() + " " + code.outer());
		assertThat(decode(code, 8)).isEqualTo(uri);
	}

	/** Draws the path, each module as scale × scale pixels, and decodes the picture. */
	private static String decode(QrCode code, int scale) throws Exception {
		int side = code.outer() * scale;
		int[] pixels = new int[side * side];
		java.util.Arrays.fill(pixels, 0xFFFFFFFF);
		Matcher run = RUN.matcher(code.path());
		int end = 0;
		while (run.find()) {
			assertThat(run.start()).as("nothing but runs in the path").isEqualTo(end);
			end = run.end();
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			for (int px = x * scale; px < (x + length) * scale; px++) {
				for (int py = y * scale; py < (y + 1) * scale; py++) {
					pixels[py * side + px] = 0xFF000000;
				}
			}
		}
		assertThat(end).isEqualTo(code.path().length());
		LuminanceSource source = new RGBLuminanceSource(side, side, pixels);
		return new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
	}

}
