kubectl create deployment llmops-app --image=llmops-app:latest --port=8501 --dry-run=client -o yaml
kubectl create service loadbalancer llmops-service --tcp=80:8501 --dry-run=client -o yaml
kubectl create service nodeport web --tcp=80:8080 --node-port=30080 --dry-run=client -o yaml
kubectl create service clusterip none --dry-run=client -o yaml
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY=abc --dry-run=client -o json
kubectl create secret generic dup --from-literal=A=1 --from-literal=A=2 --dry-run=client -o yaml
kubectl create secret generic space --from-literal='a b=1' --dry-run=client -o yaml
kubectl create deployment noimage --dry-run=client -o yaml
