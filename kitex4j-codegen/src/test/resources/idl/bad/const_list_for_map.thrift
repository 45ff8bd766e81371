const map<string, i32> AGES = ["alice", 30]
