typedef list<Nodes> Nodes
