Console.WriteLine("crabbox");
