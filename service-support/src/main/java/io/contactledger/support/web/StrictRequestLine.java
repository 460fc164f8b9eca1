package io.contactledger.support.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The path and query string are read strictly, before anything decodes them leniently: every
 * {@code %} starts a two-digit escape, the decoded bytes are valid UTF-8 (no over-long forms, no
 * encoded surrogates), and no control character (NUL included) hides in them. Anything else is one
 * 400 problem, instead of a 500 from a decoder deep inside, or text PostgreSQL refuses. A method
 * HTTP does not define for this API is 405 (the servlet API would answer 501). A body is read as
 * sent: one with a {@code Content-Encoding} other than identity is 415 naming what is accepted
 * (RFC 9110 §15.5.16), where it would otherwise be read as if it were not compressed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class StrictRequestLine extends OncePerRequestFilter {

    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!METHODS.contains(request.getMethod())) {
            // the servlet API would answer an unknown method 501, a server error for a client's request
            response.setHeader("Allow", String.join(", ", new java.util.TreeSet<>(METHODS)));
            Problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "http-405", "method " + request.getMethod()
                    .replaceAll("[^A-Za-z]", "?") + " is not supported");
            return;
        }
        if (!isClean(request.getRequestURI()) || request.getQueryString() != null && !isClean(request.getQueryString())) {
            Problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request",
                    "the path or query string is not valid percent-encoded UTF-8 text");
            return;
        }
        try {
            // parsed now, so a parameter the container cannot read (an empty name) is the client's 400
            request.getParameterMap();
        } catch (RuntimeException unreadable) {
            Problems.write(request, response, HttpStatus.BAD_REQUEST, "malformed-request", "the query string has an unreadable parameter");
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "the Content-Type is not a concrete media type");
            return;
        }
        if (hasBody(request) && !isIdentity(request.getHeaders("Content-Encoding"))) {
            response.setHeader("Accept-Encoding", "identity");
            Problems.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                    "request bodies are read as sent: a Content-Encoding other than identity is not supported");
            return;
        }
        chain.doFilter(request, response);
    }

    /** A request without a body has nothing encoded, whatever its headers say. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** True when every coding named (a header may repeat, and list several) is identity. */
    private static boolean isIdentity(Enumeration<String> encodings) {
        while (encodings != null && encodings.hasMoreElements()) {
            for (String coding : encodings.nextElement().split(",")) {
                String name = coding.trim();
                if (!name.isEmpty() && !name.equalsIgnoreCase("identity")) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** True when {@code raw} percent-decodes to UTF-8 text without control characters. */
    static boolean isClean(String raw) {
        byte[] bytes = new byte[raw.length()];
        int length = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes[length++] = (byte) Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                return false;
            } else {
                bytes[length++] = (byte) c;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer text = utf8.decode(ByteBuffer.wrap(bytes, 0, length));
            return text.chars().noneMatch(ch -> Character.isISOControl(ch));
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
