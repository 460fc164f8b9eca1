package io.contactledger.support.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 64 KiB with 413 (a CSV import, up to 50 MiB: DESIGN §10): at once
 * when Content-Length says so, and while reading when a chunked body grows past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimit extends OncePerRequestFilter {

    public static final long MAX_BYTES = 64 * 1024;
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    private static final java.util.regex.Pattern UPLOADS = java.util.regex.Pattern.compile("^/api/v1/workspaces/[^/]+/imports/?$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = "POST".equals(request.getMethod()) && UPLOADS.matcher(request.getRequestURI()).matches();
        long max = upload ? MAX_UPLOAD_BYTES : MAX_BYTES;
        String words = upload ? "50 MiB" : "64 KiB";
        if (request.getContentLengthLong() > max) {
            Problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "request body is larger than " + words);
            return;
        }
        chain.doFilter(new LimitedRequest(request, max), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        private final long max;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), max);
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        LimitedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestTooLarge {
            read += n;
            if (read > max) {
                throw new RequestTooLarge(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
