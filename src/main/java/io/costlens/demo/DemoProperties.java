package io.costlens.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo data ({@code costlens.demo.*}; {@code costlens.demo=true} or the {@code demo}
 * profile asks for it at start-up).
 *
 * @param force load it even under the {@code prod} profile, which otherwise ignores the
 * request
 * @param days how many days back the sample activity reaches
 */
@ConfigurationProperties("costlens.demo")
record DemoProperties(@DefaultValue("false") boolean force, @DefaultValue("30") int days) {

}
