package io.stepwise.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above its limit with 413: at once when the Content-Length says
 * so, and while it is read when the body is chunked and says nothing. Form and multipart
 * bodies are read by the servlet container itself, not through this stream; for those its
 * own limits ({@code server.tomcat.max-http-form-post-size} and the multipart limits)
 * apply the same sizes.
 */
class BodySizeFilter extends OncePerRequestFilter {

	static final String DETAIL = "The request body is larger than the API takes.";

	private final RequestLimits limits;

	BodySizeFilter(RequestLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		long limit = this.limits.limitFor(request.getMethod(), path);
		if (request.getContentLengthLong() > limit) {
			RequestRefusals.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, DETAIL);
			return;
		}
		try {
			chain.doFilter(new Limited(request, limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!BodyTooLargeException.in(ex) || response.isCommitted()) {
				throw ex;
			}
			RequestRefusals.refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, DETAIL);
		}
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.read += n;
			if (this.read > this.limit) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

}
