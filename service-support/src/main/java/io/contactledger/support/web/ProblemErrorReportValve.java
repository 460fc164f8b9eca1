package io.contactledger.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some requests itself, before any filter: an encoded slash or NUL in the path, a
 * request line too long, a control character in a header. Its report is an HTML page; this one
 * writes the service's problem+json instead.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String title = status != null ? status.getReasonPhrase() : "Error";
        String body = "{\"type\":\"https://contactledger.io/problems/http-" + code + "\",\"title\":\"" + title
                + "\",\"status\":" + code + ",\"detail\":\"the request was refused before it reached the service: "
                + (code == 400 ? "it is malformed" : title.toLowerCase()) + "\",\"instance\":\"/\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone: nothing left to tell it
        }
    }
}
