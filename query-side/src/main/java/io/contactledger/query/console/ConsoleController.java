package io.contactledger.query.console;

import java.util.regex.Pattern;

import io.contactledger.query.QuerySideSettings;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the agent console's one page (DESIGN §8). The page holds no data and no key: it signs in
 * with a key kept in the browser's sessionStorage and reads and writes through the APIs, so it is
 * open to anyone, like the OpenAPI description.
 */
@Hidden
@Controller
class ConsoleController {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final QuerySideSettings settings;

    ConsoleController(QuerySideSettings settings) {
        this.settings = settings;
    }

    @GetMapping({"/console", "/console/"})
    String console(HttpServletRequest request, HttpServletResponse response, Model model) {
        String commandSide = commandSideUrl(request);
        model.addAttribute("title", settings.console().title());
        model.addAttribute("commandSideUrl", commandSide);
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; connect-src 'self' " + commandSide + "; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        return "console";
    }

    /** The configured command side, or the one beside this query side as the launcher runs them. */
    private String commandSideUrl(HttpServletRequest request) {
        if (!settings.console().commandSideUrl().isEmpty()) {
            return settings.console().commandSideUrl();
        }
        String host = request.getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost";
        }
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return request.getScheme() + "://" + host + ":8081";
    }
}
