typedef map<string> Lookup
