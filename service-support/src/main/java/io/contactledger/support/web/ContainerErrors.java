package io.contactledger.support.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Errors raised before Spring MVC answers in problem+json too: requests Spring Security's firewall
 * rejects (a {@code ;}, {@code %25} or {@code //} in the path) and those Tomcat refuses itself.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerErrors {

    @Bean
    RequestRejectedHandler problemForRejectedRequests() {
        return (request, response, rejected) -> Problems.write(request, response, HttpStatus.BAD_REQUEST,
                "malformed-request", "the request's path or headers are not allowed");
    }

    @Bean
    TomcatContextCustomizer problemErrorReports() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        };
    }
}
