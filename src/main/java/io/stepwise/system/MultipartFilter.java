package io.stepwise.system;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.util.WebUtils;

/**
 * Multipart bodies are read only where something is uploaded: anywhere else one is
 * refused with 415 before the servlet container parses it (it would, for any parameter
 * asked for). Where uploads are taken, a body that is not valid multipart is a 400, not
 * the 500 of an unexpected error; one over the size limits keeps its own answer.
 */
class MultipartFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!RequestLimits.isUpload(request.getMethod(), path)) {
			RequestRefusals.refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Multipart bodies are taken only where a file is uploaded.");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			MultipartException malformed = malformed(ex);
			if (malformed == null || response.isCommitted()) {
				throw ex;
			}
			// Spring's dispatcher then skips reading the body again for the error page.
			request.setAttribute(WebUtils.ERROR_EXCEPTION_ATTRIBUTE, malformed);
			RequestRefusals.refuse(request, response, HttpStatus.BAD_REQUEST, "The multipart body could not be read.");
		}
	}

	private static MultipartException malformed(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException) {
				return null;
			}
			if (cause instanceof MultipartException multipart) {
				return multipart;
			}
		}
		return null;
	}

}
