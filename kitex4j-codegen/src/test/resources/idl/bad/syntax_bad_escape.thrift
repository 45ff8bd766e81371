const string PATH = "C:\\dir\\q\q"
