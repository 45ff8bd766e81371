/*
 * Lexer for the Thrift IDL as Apache Thrift 0.22 accepts it (compiler/cpp/src/thrift/thriftl.ll).
 *
 * Differences from thriftl.ll, all deliberate:
 *  - Lexical errors are tokens (UNTERMINATED_LITERAL, UNTERMINATED_COMMENT, ERROR_CHAR) so that the
 *    parser front end reports them as diagnostics instead of the lexer printing to the console.
 *  - Escape sequences are validated and decoded later (Literals.java), not here.
 *  - Doc comments are kept on their own channel; the tree builder attaches them to the next node.
 */
lexer grammar ThriftLexer;

channels { DOC, COMMENTS }

// ---- keywords (must precede IDENTIFIER: on equal length the first rule wins) ----
NAMESPACE    : 'namespace';
INCLUDE      : 'include';
CPP_INCLUDE  : 'cpp_include';
CPP_TYPE     : 'cpp_type';
XSD_ALL      : 'xsd_all';
XSD_OPTIONAL : 'xsd_optional';
XSD_NILLABLE : 'xsd_nillable';
XSD_ATTRS    : 'xsd_attrs';

VOID   : 'void';
BOOL   : 'bool';
BYTE   : 'byte';
I8     : 'i8';
I16    : 'i16';
I32    : 'i32';
I64    : 'i64';
DOUBLE : 'double';
STRING : 'string';
BINARY : 'binary';
UUID   : 'uuid';
SLIST  : 'slist';
MAP    : 'map';
SET    : 'set';
LIST   : 'list';

ONEWAY    : 'oneway';
ASYNC     : 'async';
TYPEDEF   : 'typedef';
STRUCT    : 'struct';
UNION     : 'union';
EXCEPTION : 'exception';
EXTENDS   : 'extends';
THROWS    : 'throws';
SERVICE   : 'service';
ENUM      : 'enum';
SENUM     : 'senum';
CONST     : 'const';
REQUIRED  : 'required';
OPTIONAL  : 'optional';
TRUE      : 'true';
FALSE     : 'false';

// ---- literals ----
HEX_LITERAL    : [+-]? '0x' [0-9A-Fa-f]+;
INT_LITERAL    : [+-]? [0-9]+;
DOUBLE_LITERAL
    : [+-]? [0-9]* '.' [0-9]+ EXPONENT?
    | [+-]? [0-9]+ EXPONENT
    ;
fragment EXPONENT : [eE] [+-]? [0-9]+;

/** Identifiers may contain dots: {@code shared.Struct}, {@code Enum.VALUE}, {@code py.twisted}. */
IDENTIFIER : [a-zA-Z_] ('.' [a-zA-Z_0-9] | [a-zA-Z_0-9])*;

/** Single- or double-quoted; no raw line breaks; escapes are checked by the tree builder. */
LITERAL
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
    | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\''
    ;
/** A quote that is not closed on its line: always shorter than a LITERAL when one matches. */
UNTERMINATED_LITERAL
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'?
    | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\\'?
    ;

// ---- punctuation ----
LBRACE    : '{';
RBRACE    : '}';
LBRACKET  : '[';
RBRACKET  : ']';
LPAREN    : '(';
RPAREN    : ')';
LT        : '<';
GT        : '>';
COMMA     : ',';
SEMICOLON : ';';
COLON     : ':';
EQUALS    : '=';
STAR      : '*';
AMPERSAND : '&';

// ---- comments and whitespace ----
/** {@code /** ... *}{@code /}, but not the empty comment {@code /**}{@code /}. */
DOC_COMMENT   : '/**' ('*'* ~[*/] (~'*' | '*'+ ~[*/])*)? '*'+ '/' -> channel(DOC);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(COMMENTS);
/** A block comment without its closing delimiter: matches only when BLOCK_COMMENT cannot. */
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'*;
LINE_COMMENT  : ('//' | '#') ~[\r\n]* -> channel(COMMENTS);
WS            : [ \t\r\n\f]+ -> skip;

/** Anything else is a lexical error, reported by the front end. */
ERROR_CHAR : .;
