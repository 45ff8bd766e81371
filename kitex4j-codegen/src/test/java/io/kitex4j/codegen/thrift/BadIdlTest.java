package io.kitex4j.codegen.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under idl/bad fails to load with exactly the diagnostic listed here: file, line,
 * column and message.
 */
class BadIdlTest {

  static Stream<Arguments> badFiles() {
    return Stream.of(
        // ---- lexical and syntax errors: the first one per file, worded "expected X but found Y"
        bad("syntax_missing_brace", "4:1: error: expected a field or '}' but found end of file"),
        bad("syntax_missing_colon", "2:5: error: expected ':' but found 'i64'"),
        bad("syntax_missing_paren", "3:1: error: expected a field or ')' but found '}'"),
        bad("syntax_missing_field_name", "3:1: error: expected a field name but found '}'"),
        bad("syntax_map_one_type", "1:19: error: expected ',' but found '>'"),
        bad("syntax_missing_const_value", "2:1: error: expected a constant value but found end of file"),
        bad("syntax_enum_value_not_integer", "2:9: error: expected an integer but found 'one'"),
        bad("syntax_throws_without_parens", "3:19: error: expected '(' but found '1'"),
        bad("syntax_unknown_keyword",
            "3:1: error: expected a header or definition but found 'strcut'; did you mean 'struct'?"),
        bad("syntax_unterminated_string",
            "1:25: error: unterminated string: expected a closing \" but found end of line"),
        bad("syntax_unterminated_comment",
            "4:1: error: unterminated comment: expected */ but found end of file"),
        bad("syntax_unexpected_character", "2:13: error: unexpected character '@'"),
        bad("syntax_field_id_not_integer",
            "2:3: error: field id must be an integer from 1 to 32767 but is 1.5"),
        bad("syntax_field_id_name", "2:3: error: field id must be an integer from 1 to 32767 but is 'id'"),
        bad("syntax_field_id_zero", "2:3: error: field id must be an integer from 1 to 32767 but is 0"),
        bad("syntax_field_id_too_large",
            "3:3: error: field id must be an integer from 1 to 32767 but is 40000"),
        bad("syntax_bad_escape",
            "1:32: error: invalid escape sequence '\\q' in string; expected one of \\n \\r \\t \\\\ \\\" \\'"),
        bad("syntax_header_after_definition", "2:1: error: 'namespace' must come before all definitions"),
        bad("syntax_integer_overflow", "1:18: error: integer 9223372036854775808 does not fit in 64 bits"),
        bad("syntax_dotted_name", "1:8: error: 'com.User' is not a valid name: names cannot contain '.'"),
        bad("syntax_enum_value_too_large", "2:10: error: value of enum value 'HUGE' must fit in i32"
            + " (-2147483648..2147483647) but is 4294967296"),
        // ---- names
        bad("unknown_type", "3:6: error: unknown type 'Usr'; did you mean 'User'?"),
        bad("unknown_type_not_included",
            "2:6: error: unknown type 'shared.Money': no included file is named 'shared'"),
        bad("service_as_type", "3:6: error: 'UserService' is a service, not a type"),
        bad("duplicate_definition", "3:7: error: 'User' is already defined as a struct at line 1"),
        bad("duplicate_const", "2:11: error: 'LIMIT' is already defined as a constant at line 1"),
        bad("typedef_cycle", "1:15: error: typedef cycle: Other -> Alias -> Other"),
        bad("typedef_self", "1:21: error: typedef 'Nodes' refers to itself"),
        // ---- fields
        bad("duplicate_field_id",
            "4:3: error: duplicate field id 2 in struct 'User': already used by 'name' at line 3"),
        bad("duplicate_field_name",
            "3:3: error: duplicate field name 'id' in struct 'User': already declared at line 2"),
        bad("duplicate_argument_id", "2:20: error: duplicate field id 1 in the arguments of function 'f':"
            + " already used by 'a' at line 2"),
        bad("duplicate_throws_name", "4:28: error: duplicate field name 'e' in the throws list of function 'f':"
            + " already declared at line 4"),
        // ---- enums
        bad("duplicate_enum_value",
            "4:3: error: duplicate value name 'RED' in enum 'Color': already declared at line 2"),
        // ---- services
        bad("duplicate_function",
            "3:7: error: duplicate function 'ping' in service 'S': already declared at line 2"),
        bad("duplicate_inherited_function", "6:8: error: function 'ping' of service 'Child' clashes with 'ping'"
            + " inherited from service 'Base' (duplicate_inherited_function.thrift:2:8)"),
        bad("extends_non_service", "2:19: error: service 'S' cannot extend 'Base': it is a struct, not a service"),
        bad("extends_unknown", "2:19: error: unknown service 'Bsae'; did you mean 'Base'?"),
        bad("extends_cycle", "1:9: error: service inheritance cycle: A -> C -> B -> A"),
        bad("oneway_non_void", "2:10: error: oneway function 'fire' must return void but returns i32"),
        bad("oneway_throws", "3:30: error: oneway function 'fire' cannot throw exceptions"),
        bad("throws_not_exception", "3:20: error: 'e' in the throws list of function 'f' has type 'NotAnError',"
            + " which is not an exception"),
        bad("throws_typedef_of_struct", "4:20: error: 'e' in the throws list of function 'f' has type 'Alias',"
            + " which is not an exception"),
        // ---- default values and constants
        bad("default_string_for_i32", "2:16: error: default value of field 'max': expected i32 but found \"ten\""),
        bad("default_out_of_range_i8",
            "2:17: error: default value of field 'small': 128 is out of range for i8 (-128..127)"),
        bad("default_out_of_range_i16",
            "2:19: error: default value of field 'medium': -32769 is out of range for i16 (-32768..32767)"),
        bad("default_out_of_range_i32", "2:18: error: default value of field 'large': 2147483648 is out of range"
            + " for i32 (-2147483648..2147483647)"),
        bad("default_unknown_enum_value", "3:20: error: enum 'Color' has no value 'BLUE'"),
        bad("default_unknown_enum_number", "3:20: error: default value of field 'color': enum 'Color' has no value 7"),
        bad("default_wrong_enum", "4:20: error: default value of field 'shape': expected a value of enum 'Shape'"
            + " but found a value of enum 'Color' ('Color.RED')"),
        bad("default_quoted_enum", "3:20: error: default value of field 'color': expected a value of enum 'Color'"
            + " but found \"RED\" (write Color.RED without quotes)"),
        bad("default_double_for_i64", "2:18: error: default value of field 'count': expected i64 but found 1.5"),
        bad("default_bool_not_zero_one", "2:16: error: default value of field 'on': expected bool but found 2"),
        bad("default_bad_uuid", "2:16: error: default value of field 'id': expected a uuid such as"
            + " \"00112233-4455-6677-8899-aabbccddeeff\" but found \"not-a-uuid\""),
        bad("const_list_for_map", "1:31: error: constant 'AGES': expected map<string,i32> but found a list"),
        bad("const_map_for_list", "1:26: error: constant 'PRIMES': expected list<i32> but found a map"),
        bad("const_wrong_element", "1:33: error: constant 'PRIMES': expected i32 but found \"five\""),
        bad("const_int_for_struct", "4:22: error: constant 'ORIGIN': expected struct 'Point'"
            + " (a map of field names to values) but found 0"),
        bad("const_unknown_struct_field",
            "5:29: error: constant 'P': struct 'Point' has no field 'tpo'; did you mean 'top'?"),
        bad("const_struct_key_not_string",
            "4:18: error: constant 'P': expected a field name of struct 'Point' as a string but found 1"),
        bad("const_self_reference", "1:11: error: constant 'LIMIT' refers to itself"),
        bad("const_cycle", "1:11: error: constant cycle: A -> B -> C -> A"),
        bad("const_unknown", "1:19: error: unknown constant 'MAX_LIMIT'; did you mean 'MAX_LIMT'?"),
        bad("const_enum_value_without_enum", "2:19: error: unknown constant 'ONE'; did you mean 'Numberz.ONE'?"),
        bad("const_type_as_value", "2:15: error: 'Point' is a struct, not a constant"),
        bad("const_through_reference",
            "2:19: error: constant 'COUNT': expected i32 but found \"x\" (through constant 'NAME')"));
  }

  private static Arguments bad(String name, String expected) {
    return arguments(name, name + ".thrift:" + expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void failsWithExactlyTheExpectedDiagnostic(String name, String expected) {
    assertThat(Idl.failures(Idl.resource("bad/" + name + ".thrift"))).containsExactly(expected);
  }

  @Test
  void missingIncludeNamesTheFileAndTheDirectoriesSearched() {
    Path file = Idl.resource("bad/missing_include.thrift");
    assertThat(Idl.failures(file)).containsExactly("missing_include.thrift:1:1: error: cannot find included file"
        + " 'nowhere.thrift' (searched " + file.getParent() + ")");
  }

  @Test
  void everyBadFileIsCovered() throws IOException {
    Set<String> listed = badFiles().map(a -> a.get()[0] + ".thrift").collect(Collectors.toSet());
    listed.add("missing_include.thrift");
    try (Stream<Path> files = Files.list(Idl.resource("bad"))) {
      List<String> present = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(present);
    }
  }
}
