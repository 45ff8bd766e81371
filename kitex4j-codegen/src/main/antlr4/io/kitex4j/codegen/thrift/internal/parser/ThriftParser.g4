/*
 * Parser for the Thrift IDL as Apache Thrift 0.22 accepts it (compiler/cpp/src/thrift/thrifty.yy),
 * see https://thrift.apache.org/docs/idl.
 *
 * The grammar is LL(1) everywhere so that every syntax error is detected at the token that causes
 * it. It accepts a few things thrifty.yy rejects, each of which the tree builder then reports with
 * a precise message or tolerates as harmless:
 *  - headers after definitions (reported as an error by the tree builder);
 *  - a ',' or ';' after any header or definition (thriftgo accepts these);
 *  - non-integer field ids such as '1.5:' (reported as an error by the tree builder);
 *  - keywords as annotation keys and namespace scopes/values.
 */
parser grammar ThriftParser;

options { tokenVocab = ThriftLexer; }

document
    : (header | definition)* EOF
    ;

// ---------------------------------------------------------------- headers

header
    : (include | cppInclude | namespace) separator?
    ;

include
    : INCLUDE LITERAL
    ;

cppInclude
    : CPP_INCLUDE LITERAL
    ;

namespace
    : NAMESPACE (STAR | scope=anyName) value=anyName annotations?
    ;

// ---------------------------------------------------------------- definitions

definition
    : (constDef | typedefDef | enumDef | senumDef | structDef | unionDef | exceptionDef | serviceDef) separator?
    ;

constDef
    : CONST fieldType IDENTIFIER EQUALS constValue
    ;

typedefDef
    : TYPEDEF fieldType IDENTIFIER annotations?
    ;

enumDef
    : ENUM IDENTIFIER LBRACE enumValue* RBRACE annotations?
    ;

enumValue
    : IDENTIFIER (EQUALS intLiteral)? annotations? separator?
    ;

senumDef
    : SENUM IDENTIFIER LBRACE (LITERAL separator?)* RBRACE annotations?
    ;

structDef
    : STRUCT IDENTIFIER XSD_ALL? LBRACE field* RBRACE annotations?
    ;

unionDef
    : UNION IDENTIFIER XSD_ALL? LBRACE field* RBRACE annotations?
    ;

exceptionDef
    : EXCEPTION IDENTIFIER LBRACE field* RBRACE annotations?
    ;

serviceDef
    : SERVICE IDENTIFIER (EXTENDS superName=IDENTIFIER)? LBRACE function* RBRACE annotations?
    ;

function
    : (ONEWAY | ASYNC)? functionType IDENTIFIER LPAREN field* RPAREN throwsList? annotations? separator?
    ;

functionType
    : VOID
    | fieldType
    ;

throwsList
    : THROWS LPAREN field* RPAREN
    ;

// ---------------------------------------------------------------- fields

field
    : fieldId? requiredness? fieldType AMPERSAND? fieldName (EQUALS constValue)?
      XSD_OPTIONAL? XSD_NILLABLE? xsdAttributes? annotations? separator?
    ;

/** Only integers are valid ids; a double is accepted here so that the builder can say so. */
fieldId
    : (INT_LITERAL | HEX_LITERAL | DOUBLE_LITERAL) COLON
    ;

requiredness
    : REQUIRED
    | OPTIONAL
    ;

xsdAttributes
    : XSD_ATTRS LBRACE field* RBRACE
    ;

/** Field names may be any keyword that cannot follow a field type (see FieldName in thrifty.yy). */
fieldName
    : IDENTIFIER
    | NAMESPACE | CPP_INCLUDE | INCLUDE | VOID | BOOL | BYTE | I8 | I16 | I32 | I64 | DOUBLE | STRING
    | BINARY | UUID | SLIST | MAP | LIST | SET | ONEWAY | ASYNC | TYPEDEF | STRUCT | UNION | EXCEPTION
    | EXTENDS | THROWS | SERVICE | ENUM | SENUM | CONST | REQUIRED | OPTIONAL
    ;

// ---------------------------------------------------------------- types

fieldType
    : baseType annotations?
    | containerType annotations?
    | IDENTIFIER
    ;

baseType
    : BOOL | BYTE | I8 | I16 | I32 | I64 | DOUBLE | STRING | BINARY | UUID | SLIST
    ;

containerType
    : mapType
    | setType
    | listType
    ;

mapType
    : MAP cppType? LT fieldType COMMA fieldType GT
    ;

setType
    : SET cppType? LT fieldType GT
    ;

/** The trailing cpp_type is the deprecated position, still accepted by Apache Thrift. */
listType
    : LIST cppType? LT fieldType GT cppType?
    ;

cppType
    : CPP_TYPE LITERAL
    ;

// ---------------------------------------------------------------- constants

constValue
    : intLiteral
    | DOUBLE_LITERAL
    | LITERAL
    | TRUE
    | FALSE
    | IDENTIFIER
    | constList
    | constMap
    ;

intLiteral
    : INT_LITERAL
    | HEX_LITERAL
    ;

constList
    : LBRACKET (constValue separator?)* RBRACKET
    ;

constMap
    : LBRACE (constValue COLON constValue separator?)* RBRACE
    ;

// ---------------------------------------------------------------- annotations and helpers

annotations
    : LPAREN annotation* RPAREN
    ;

annotation
    : anyName (EQUALS LITERAL)? separator?
    ;

/** An identifier or any keyword (for annotation keys and namespaces). */
anyName
    : fieldName
    | CPP_TYPE | XSD_ALL | XSD_OPTIONAL | XSD_NILLABLE | XSD_ATTRS | TRUE | FALSE
    ;

separator
    : COMMA
    | SEMICOLON
    ;
