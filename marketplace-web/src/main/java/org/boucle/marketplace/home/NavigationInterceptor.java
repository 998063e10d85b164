package org.boucle.marketplace.home;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.boucle.marketplace.identity.CurrentActor;
import org.boucle.marketplace.organization.Actor;
import org.boucle.marketplace.organization.Organizations;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the current actor's menu in the model of every page about to be rendered. An interceptor rather than a
 * controller advice: an advice's model attributes are computed for API calls too, which render no page.
 */
@Configuration(proxyBeanMethods = false)
class NavigationInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final Organizations organizations;

    NavigationInterceptor(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView page) {
        if (page == null || !page.hasView() || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
            return;
        }
        Optional<Actor> actor = CurrentActor.of(SecurityContextHolder.getContext().getAuthentication());
        page.addObject("navigation", actor
                .map(a -> Navigation.forActor(a, organizations.summary(a.organizationId()).roles()))
                .orElse(List.of()));
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        page.addObject("me", actor.orElse(null));
    }
}
