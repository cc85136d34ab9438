package io.betterauth.jakarta.it.app;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/**
 * Test-only: the library's health and metrics beans CDI registered in this application, one class name a line, so a
 * container test can see that {@code beans.xml}'s filters registered them where the API exists and nothing where not.
 */
@WebServlet("/test/operations-beans")
public class OperationsBeansServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BeanManager beans;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            String name = bean.getBeanClass().getName();
            if (name.startsWith("io.betterauth.jakarta.health.") || name.startsWith("io.betterauth.jakarta.metrics.")) {
                names.add(name.substring("io.betterauth.jakarta.".length()));
            }
        }
        resp.setContentType("text/plain");
        resp.getWriter().print(String.join("\n", names));
    }
}
