const string WHERE = "dirB/lib"
