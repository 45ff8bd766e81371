package io.kitex4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginSpecTest {

    @Test
    void nameAlone() {
        PluginSpec s = PluginSpec.parse("service-catalog");
        assertThat(s.name()).isEqualTo("service-catalog");
        assertThat(s.options()).isEmpty();
        assertThat(PluginSpec.parse("x:").options()).isEmpty();
    }

    @Test
    void optionsKeepTheirOrder() {
        PluginSpec s = PluginSpec.parse("catalog:out=services.json,pretty=false,title=My API");
        assertThat(s.options()).containsExactly(
                Map.entry("out", "services.json"), Map.entry("pretty", "false"), Map.entry("title", "My API"));
        assertThat(s).hasToString("catalog:out=services.json,pretty=false,title=My API");
    }

    @Test
    void aKeyAloneMeansTrueAndValuesMayBeEmptyOrContainEquals() {
        PluginSpec s = PluginSpec.parse("p:verbose, empty= ,expr=a=b");
        assertThat(s.options()).containsExactly(
                Map.entry("verbose", "true"), Map.entry("empty", ""), Map.entry("expr", "a=b"));
    }

    @Test
    void malformedSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> PluginSpec.parse(":a=b")).hasMessage(
                "missing plugin name in ':a=b' (expected NAME[:KEY=VALUE,...])");
        assertThatThrownBy(() -> PluginSpec.parse("a b")).hasMessage(
                "bad plugin name 'a b' (letters, digits, '.', '_' and '-' expected)");
        assertThatThrownBy(() -> PluginSpec.parse("p:a=1,,b=2")).hasMessage(
                "empty option in 'p:a=1,,b=2' (expected NAME:KEY=VALUE,KEY=VALUE,...)");
        assertThatThrownBy(() -> PluginSpec.parse("p:=1")).hasMessage(
                "option without a key in 'p:=1' (expected KEY=VALUE)");
        assertThatThrownBy(() -> PluginSpec.parse("p:a=1,a=2")).hasMessage("option 'a' given twice in 'p:a=1,a=2'");
    }
}
