package io.contactledger.command.security;

import java.time.Duration;

import io.contactledger.support.security.ApiKeyFilter;
import io.contactledger.support.security.Role;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.contactledger.command.CommandSideSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Widget keys are public (they ship in the chat widget), so each is held to a request rate
 * (resilience4j's rate limiter, one per key): past it, 429 with Retry-After.
 */
@Configuration(proxyBeanMethods = false)
class WidgetRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    private final RateLimiterRegistry limiters;

    WidgetRateLimit(CommandSideSettings settings) {
        int perSecond = settings.security().widgetRequestsPerSecond();
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ApiKeyFilter.currentCaller()
                .filter(caller -> caller.role() == Role.WIDGET)
                .filter(caller -> !limiters.rateLimiter(caller.workspaceId() + "/" + caller.name()).acquirePermission())
                .ifPresent(caller -> {
                    throw new TooManyRequests();
                });
        return true;
    }
}
